//! HTML articles (as exported from a CMS), through the `tl` parser.
//!
//! `tl` keeps every text node as a slice of the input, so each one's byte offset in the
//! file is known and positions map back to the HTML source's lines. Text is copied into
//! the prose mask; character references (`&laquo;`, `&nbsp;`, `&#8217;`) are decoded in
//! place, the decoded character written at the reference's first byte and the rest
//! blanked, so offsets stay exact. Script, style, template and noscript contents,
//! comments and tags are not prose. Paragraph-like elements (`p`, `li`, `blockquote`,
//! table cells, `h1`–`h6`…) are blocks; the tree is walked with an explicit stack, so a
//! deeply nested page cannot overflow it.

use tl::{Node, ParserOptions};

use super::{Block, BlockKind};
use crate::source::Span;

const SKIPPED: [&str; 6] = ["script", "style", "template", "noscript", "head", "svg"];
const HEADINGS: [&str; 6] = ["h1", "h2", "h3", "h4", "h5", "h6"];
const BLOCKS: [&str; 10] = [
    "p",
    "li",
    "blockquote",
    "td",
    "th",
    "dd",
    "dt",
    "figcaption",
    "caption",
    "div",
];

pub(super) fn prose_blocks(text: &str) -> (String, Vec<Block>) {
    let (prose, blocks) = text_nodes_and_blocks(text);
    (mask(text, prose), blocks)
}

/// The text nodes outside skipped elements, in document order (decoded into the mask once
/// the walk is over), and the innermost blocks with prose. A text `tl` cannot parse has
/// neither.
fn text_nodes_and_blocks(text: &str) -> (Vec<Span>, Vec<Block>) {
    let mut blocks: Vec<Block> = Vec::new();
    let mut prose: Vec<Span> = Vec::new();
    let Ok(dom) = tl::parse(text, ParserOptions::default()) else {
        return (prose, blocks);
    };
    let parser = dom.parser();
    let base = text.as_ptr() as usize;
    // (node, block index it belongs to); `usize::MAX` marks a block to close.
    enum Step {
        Visit(tl::NodeHandle, Option<usize>),
        Close(usize),
    }
    let mut stack: Vec<Step> = dom
        .children()
        .iter()
        .rev()
        .map(|h| Step::Visit(*h, None))
        .collect();
    let mut open: Vec<(BlockKind, Option<Span>)> = Vec::new();
    while let Some(step) = stack.pop() {
        let (handle, current) = match step {
            Step::Close(i) => {
                if let Some((kind, Some(span))) = open.get(i).copied() {
                    blocks.push(Block { kind, span });
                }
                continue;
            }
            Step::Visit(h, c) => (h, c),
        };
        let Some(node) = handle.get(parser) else {
            continue;
        };
        match node {
            Node::Tag(tag) => {
                let name = tag.name().as_utf8_str().to_ascii_lowercase();
                if SKIPPED.contains(&name.as_str()) {
                    continue;
                }
                let mut inner = current;
                let heading = HEADINGS.contains(&name.as_str());
                if heading || BLOCKS.contains(&name.as_str()) {
                    let kind = if heading {
                        BlockKind::Heading
                    } else {
                        BlockKind::Paragraph
                    };
                    open.push((kind, None));
                    inner = Some(open.len() - 1);
                    stack.push(Step::Close(open.len() - 1));
                }
                for child in tag.children().top().as_slice().iter().rev() {
                    stack.push(Step::Visit(*child, inner));
                }
            }
            Node::Raw(bytes) => {
                let Some(raw) = bytes.as_bytes_borrowed() else {
                    continue;
                };
                let start = (raw.as_ptr() as usize).wrapping_sub(base);
                let end = start + raw.len();
                if end > text.len() || !text.is_char_boundary(start) || !text.is_char_boundary(end)
                {
                    continue;
                }
                prose.push(Span::new(start, end));
                if let Some(i) = current
                    && !text[start..end].trim().is_empty()
                {
                    let s = trimmed(text, Span::new(start, end));
                    let slot = &mut open[i].1;
                    *slot = Some(slot.map_or(s, |old| old.cover(s)));
                }
            }
            Node::Comment(_) => {}
        }
    }
    // Nested blocks (a `p` in a `div`) report both: keep the innermost ones.
    blocks.sort_by_key(|b| (b.span.start, std::cmp::Reverse(b.span.end)));
    let mut kept: Vec<Block> = Vec::with_capacity(blocks.len());
    for b in blocks {
        while kept
            .last()
            .is_some_and(|k| k.span.start <= b.span.start && b.span.end <= k.span.end)
        {
            kept.pop();
        }
        if kept.last().is_none_or(|k| k.span.end <= b.span.start) {
            kept.push(b);
        }
    }
    (prose, kept)
}

/// The prose mask: text nodes copied (their character references decoded), the rest
/// blanked. Line breaks inside a block are prose whitespace; carriage returns are not
/// prose (the builder blanks them). The walk meets text nodes in document order, but
/// they are sorted should one ever come out of order, and an overlap is copied once.
fn mask(text: &str, mut prose: Vec<Span>) -> String {
    if !prose.is_sorted_by_key(|s| (s.start, s.end)) {
        prose.sort_unstable_by_key(|s| (s.start, s.end));
    }
    let mut mask = super::MaskBuilder::new(text);
    for span in prose {
        mask.blank_to(span.start);
        copy_decoded(text, span, &mut mask);
    }
    mask.finish()
}

fn trimmed(text: &str, span: Span) -> Span {
    let s = &text[span.start..span.end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    Span::new(span.start + lead, span.end - trail)
}

/// How far past a `&` the `;` closing a character reference may stand.
const LONGEST_REFERENCE: usize = 32;

/// Copies a text node into the mask, decoding character references in place: the
/// decoded character stands at the reference's first byte, blanks pad the rest. Only
/// the `&`s are visited (the text between is copied in one piece), and the `;` is looked
/// for no further than a reference can be long, so the copy is linear.
fn copy_decoded(text: &str, span: Span, mask: &mut super::MaskBuilder) {
    let s = &text[span.start..span.end];
    let mut from = 0;
    while let Some(amp) = memchr::memchr(b'&', &s.as_bytes()[from..]) {
        let i = from + amp;
        from = i + 1;
        let at = span.start + i;
        let Some(len) = s.as_bytes()[i..]
            .iter()
            .take(LONGEST_REFERENCE + 1)
            .position(|&b| b == b';')
            .filter(|&l| l >= 2)
        else {
            continue;
        };
        let entity = &s[i..=i + len];
        let decoded = html_escape::decode_html_entities(entity);
        if decoded != entity && decoded.len() <= entity.len() && mask.pos() <= at {
            mask.copy_to(at);
            mask.push_str(&decoded);
            mask.blank_to(at + entity.len());
            from = i + entity.len();
        }
    }
    mask.copy_to(span.end);
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The first implementation's mask, kept as an oracle: a blank byte buffer the text
    /// nodes are decoded into, carriage returns blanked after, then validated into a
    /// string. The walk that finds the text nodes and blocks is the same code.
    fn mask_old(text: &str, prose: &[Span]) -> String {
        let mut mask = crate::document::blank(text);
        for &span in prose {
            copy_decoded_old(text, span, &mut mask);
        }
        // Line breaks inside a block are prose whitespace; carriage returns are not prose.
        for b in mask.iter_mut() {
            if *b == b'\r' {
                *b = b' ';
            }
        }
        crate::document::into_string(mask)
    }

    /// Copies a text node into the mask, decoding character references in place.
    fn copy_decoded_old(text: &str, span: Span, mask: &mut [u8]) {
        let s = &text[span.start..span.end];
        let mut i = 0;
        while i < s.len() {
            if s.as_bytes()[i] == b'&'
                && let Some(len) = s[i..].find(';').filter(|&l| (2..=32).contains(&l))
            {
                let entity = &s[i..=i + len];
                let decoded = html_escape::decode_html_entities(entity);
                if decoded != entity && decoded.len() <= entity.len() {
                    let at = span.start + i;
                    mask[at..at + decoded.len()].copy_from_slice(decoded.as_bytes());
                    for b in &mut mask[at + decoded.len()..at + entity.len()] {
                        *b = b' ';
                    }
                    i += entity.len();
                    continue;
                }
            }
            let c = s[i..].chars().next().map_or(1, char::len_utf8);
            let at = span.start + i;
            mask[at..at + c].copy_from_slice(&s.as_bytes()[i..i + c]);
            i += c;
        }
    }

    /// Fragments weighted toward HTML: the shared ones plus whole elements.
    fn html_document() -> impl Strategy<Value = String> {
        let extra: &[&str] = &[
            "<p>Il a dit &laquo;&nbsp;oui&nbsp;&raquo;.</p>",
            "<div><p>x</p></div>",
            "<style>p{}</style>",
            "<br/>",
            "<td>",
            "</td>",
        ];
        proptest::collection::vec(
            prop_oneof![
                crate::document::tests::document(),
                proptest::sample::select(extra).prop_map(str::to_string),
            ],
            0..6,
        )
        .prop_map(|parts| parts.concat())
    }

    proptest! {
        /// The prose mask is the first implementation's.
        #[test]
        fn same_as_old(text in html_document()) {
            let (prose, _) = text_nodes_and_blocks(&text);
            prop_assert_eq!(mask(&text, prose.clone()), mask_old(&text, &prose));
        }
    }

    fn prose_of(text: &str) -> Vec<(BlockKind, String)> {
        let (prose, blocks) = prose_blocks(text);
        blocks
            .iter()
            .map(|b| {
                (
                    b.kind,
                    prose[b.span.start..b.span.end]
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" "),
                )
            })
            .collect()
    }

    #[test]
    fn paragraphs_headings_and_skipped_elements() {
        let html = "<html><head><title>T</title><style>p{}</style></head><body><h1>Titre</h1>\n<div><p>Il a dit &laquo;&nbsp;oui&nbsp;&raquo;.</p><!-- « non --><script>var a = '«';</script><p>Deux.</p></div></body></html>";
        let got = prose_of(html);
        assert_eq!(got[0], (BlockKind::Heading, "Titre".to_string()));
        // Decoded references keep their source width: blanks pad them.
        assert_eq!(
            got[1].1.split_whitespace().collect::<String>(),
            "Iladit«oui»."
        );
        assert_eq!(got[2].1, "Deux.");
        assert_eq!(got.len(), 3);
    }

    #[test]
    fn decoded_marks_stay_at_their_source_offsets() {
        let html = "<p>Il a dit &laquo;oui&raquo;.</p>";
        let (prose, _) = prose_blocks(html);
        assert_eq!(prose.len(), html.len());
        let at = html.find("&laquo;").unwrap();
        assert_eq!(&prose[at..at + 2], "«");
    }
}
