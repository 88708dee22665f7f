//! Pairs opening and closing marks into quotations, paragraph by paragraph.
//!
//! A stack of open marks is kept per article. A closing mark pops back to the nearest open
//! mark of its family (marks popped on the way were never closed); a closing mark with no
//! open mark of its family is reported. At the end of a paragraph, open marks carry over
//! only if the next paragraph starts with a continuation mark (French `«` or `»` opening
//! each continued paragraph; English `“` with no closing mark until the last paragraph);
//! otherwise they are reported, never paired with a mark further down the article. Every
//! mark is pushed and popped at most once, so pairing is linear in the input.

use super::marks::{Family, Role, is_mark_char, role};
use crate::document::{Block, BlockKind};
use crate::source::Span;
use crate::text::normalize::is_space;

/// One top-level quotation: its outer marks and the text between them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteSpan {
    pub family: Family,
    pub open: Span,
    pub close: Span,
    /// Between the marks, without the padding spaces.
    pub inner: Span,
    /// Index of the block holding the opening mark, and of the one holding the closing mark.
    pub first_block: usize,
    pub last_block: usize,
    /// Marks that open continued paragraphs (not part of the text).
    pub continuations: Vec<Span>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkProblem {
    /// An opening mark with no closing mark in its paragraph (nor a continuation).
    Unclosed,
    /// A closing mark with no opening mark before it.
    Unopened,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unbalanced {
    pub span: Span,
    pub mark: char,
    pub problem: MarkProblem,
}

struct Open {
    family: Family,
    span: Span,
    mark: char,
    block: usize,
}

#[derive(Default)]
struct Pairing {
    stack: Vec<Open>,
    counts: [usize; 5],
    continuations: Vec<Span>,
    quotes: Vec<QuoteSpan>,
    problems: Vec<Unbalanced>,
}

impl Pairing {
    fn push(&mut self, open: Open) {
        self.counts[open.family.index()] += 1;
        self.stack.push(open);
    }

    fn close(&mut self, prose: &str, family: Family, span: Span, mark: char, block: usize) {
        if self.counts[family.index()] == 0 {
            self.problems.push(Unbalanced {
                span,
                mark,
                problem: MarkProblem::Unopened,
            });
            return;
        }
        while let Some(open) = self.stack.pop() {
            self.counts[open.family.index()] -= 1;
            if open.family != family {
                self.problems.push(Unbalanced {
                    span: open.span,
                    mark: open.mark,
                    problem: MarkProblem::Unclosed,
                });
                continue;
            }
            if self.stack.is_empty() {
                let inner = trim_spaces(prose, Span::new(open.span.end, span.start));
                self.quotes.push(QuoteSpan {
                    family,
                    open: open.span,
                    close: span,
                    inner,
                    first_block: open.block,
                    last_block: block,
                    continuations: std::mem::take(&mut self.continuations),
                });
            }
            break;
        }
    }

    fn abandon(&mut self) {
        for open in self.stack.drain(..) {
            self.problems.push(Unbalanced {
                span: open.span,
                mark: open.mark,
                problem: MarkProblem::Unclosed,
            });
        }
        self.counts = [0; 5];
        self.continuations.clear();
    }

    /// Whether `block` continues a quote still open, and with which mark: `Some(Some(m))`
    /// when it opens with a continuation mark (`«`, `»`, `“`…), `Some(None)` when its first
    /// guillemet closes (a French quote whose continued paragraph was not reopened), and
    /// `None` when it does not continue the quote.
    fn continuation(&self, prose: &str, block: &Block) -> Option<Option<Span>> {
        let text = &prose[block.span.start..block.span.end];
        let c = text.chars().next()?;
        let continues = match c {
            '«' | '»' => self.counts[Family::Guillemet.index()] > 0,
            '“' => self.counts[Family::Double.index()] > 0,
            '"' => self.counts[Family::Ascii.index()] > 0,
            '‹' => self.counts[Family::SingleAngle.index()] > 0,
            '‘' => self.counts[Family::Single.index()] > 0,
            _ => false,
        };
        if continues {
            return Some(Some(Span::new(
                block.span.start,
                block.span.start + c.len_utf8(),
            )));
        }
        // Unreopened: the paragraph's first guillemet closes, right after the end of a
        // sentence (`… pour tenir. »`), as a quote of whole sentences does.
        let open_guillemet = self
            .stack
            .last()
            .is_some_and(|o| o.family == Family::Guillemet);
        let first = text.char_indices().find(|&(_, c)| c == '«' || c == '»');
        let closes_sentence = first.is_some_and(|(i, c)| {
            c == '»'
                && text[..i]
                    .trim_end_matches(is_space)
                    .ends_with(['.', '!', '?', '…'])
        });
        (open_guillemet && closes_sentence).then_some(None)
    }
}

/// Finds the top-level quotations of an article and the marks that do not pair.
/// The quotation-mark characters of `text` and their offsets. Every mark is `"` or
/// starts with byte 0xC2 (`«`, `»`) or 0xE2 (the others): a vectorised search for those
/// three bytes skips the letters between marks, which are nearly all of the text.
fn mark_chars(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    memchr::memchr3_iter(b'"', 0xc2, 0xe2, text.as_bytes()).filter_map(move |i| {
        let c = text.get(i..)?.chars().next()?;
        is_mark_char(c).then_some((i, c))
    })
}

pub fn pair_quotes(prose: &str, blocks: &[Block]) -> (Vec<QuoteSpan>, Vec<Unbalanced>) {
    let mut p = Pairing::default();
    for (bi, block) in blocks.iter().enumerate() {
        let mut skip_until = block.span.start;
        if !p.stack.is_empty() {
            match (block.kind, p.continuation(prose, block)) {
                (BlockKind::Paragraph, Some(Some(mark))) => {
                    p.continuations.push(mark);
                    skip_until = mark.end;
                }
                (BlockKind::Paragraph, Some(None)) => {}
                _ => p.abandon(),
            }
        }
        let text = &prose[block.span.start..block.span.end];
        for (i, c) in mark_chars(text) {
            let prev = text[..i].chars().next_back();
            let next = text[i + c.len_utf8()..].chars().next();
            let at = block.span.start + i;
            if at >= skip_until {
                let span = Span::new(at, at + c.len_utf8());
                match role(c, prev, next) {
                    Some(Role::Open(f)) => p.push(Open {
                        family: f,
                        span,
                        mark: c,
                        block: bi,
                    }),
                    Some(Role::Close(f)) => {
                        if f == Family::Single && p.counts[f.index()] == 0 {
                            // A lone ’ after a word is an apostrophe (les élèves’), not a mark.
                        } else {
                            p.close(prose, f, span, c, bi)
                        }
                    }
                    Some(Role::OpenOrClose(f)) => {
                        if p.counts[f.index()] > 0 {
                            p.close(prose, f, span, c, bi)
                        } else {
                            p.push(Open {
                                family: f,
                                span,
                                mark: c,
                                block: bi,
                            })
                        }
                    }
                    None => {}
                }
            }
        }
        if !p.stack.is_empty() {
            let continued = blocks.get(bi + 1).is_some_and(|next| {
                block.kind == BlockKind::Paragraph
                    && next.kind == BlockKind::Paragraph
                    && p.continuation(prose, next).is_some()
            });
            if !continued {
                p.abandon();
            }
        }
    }
    p.abandon();
    p.problems.sort_by_key(|u| u.span);
    (p.quotes, p.problems)
}

/// Shrinks a span past the spaces that pad « ».
pub fn trim_spaces(prose: &str, span: Span) -> Span {
    let s = &prose[span.start..span.end];
    let lead = s.len() - s.trim_start_matches(is_space).len();
    let trail = s.len() - s.trim_end_matches(is_space).len();
    if lead + trail >= s.len() {
        return Span::new(span.start, span.start);
    }
    Span::new(span.start + lead, span.end - trail)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(text: &str) -> Vec<Block> {
        let mut out = Vec::new();
        let mut pos = 0;
        for para in text.split("\n\n") {
            out.push(Block {
                kind: BlockKind::Paragraph,
                span: Span::new(pos, pos + para.len()),
            });
            pos += para.len() + 2;
        }
        out
    }

    fn inner(text: &str) -> (Vec<String>, Vec<MarkProblem>) {
        let (q, u) = pair_quotes(text, &blocks(text));
        (
            q.iter()
                .map(|q| text[q.inner.start..q.inner.end].to_string())
                .collect(),
            u.iter().map(|u| u.problem).collect(),
        )
    }

    #[test]
    fn guillemets_with_any_spacing() {
        let (q, u) = inner("Il dit «\u{a0}oui\u{a0}» puis «non» et « peut-être\u{202f}».");
        assert_eq!(q, ["oui", "non", "peut-être"]);
        assert!(u.is_empty());
    }

    #[test]
    fn nested_quotes_stay_inside() {
        let (q, _) = inner("« Il m’a dit : “C’est fini” », raconte-t-elle.");
        assert_eq!(q, ["Il m’a dit : “C’est fini”"]);
    }

    #[test]
    fn multi_paragraph_quote_is_one() {
        let (q, u) = inner("Il a dit : « Premier.\n\n« Second. »\n\nFin.");
        assert_eq!(q.len(), 1);
        assert!(q[0].starts_with("Premier.") && q[0].ends_with("Second."));
        assert!(u.is_empty());
    }

    #[test]
    fn unclosed_mark_is_not_paired_across_paragraphs() {
        let (q, u) = inner("Il a dit « oui.\n\nPlus loin, un » égaré.");
        assert!(q.is_empty());
        assert_eq!(u, [MarkProblem::Unclosed, MarkProblem::Unopened]);
    }

    #[test]
    fn apostrophes_are_not_marks() {
        let (q, u) = inner("L’État et aujourd’hui ‘cité’ ici.");
        assert_eq!(q, ["cité"]);
        assert!(u.is_empty());
    }

    #[test]
    fn ascii_quotes_pair_by_position() {
        let (q, u) = inner("Il a dit \"non\", puis \"oui\".");
        assert_eq!(q, ["non", "oui"]);
        assert!(u.is_empty());
    }

    #[test]
    fn french_quote_continued_without_reopening() {
        let (q, u) = inner("Elle raconte : « Premier.\n\nSecond. » Fin.");
        assert_eq!(q.len(), 1);
        assert!(u.is_empty());
        // Only the next paragraph may close it.
        let (q, u) = inner("Il dit « oui.\n\nRien ici.\n\nPuis » non.");
        assert!(q.is_empty());
        assert_eq!(u.len(), 2);
    }

    #[test]
    fn english_multi_paragraph() {
        let (q, u) = inner("He said: “First.\n\n“Second.”");
        assert_eq!(q.len(), 1);
        assert!(u.is_empty());
    }
}
