//! Markdown through pulldown-cmark's offset iterator.
//!
//! Only `Text` events are prose; they are copied into the blank mask at their source
//! offsets. Code (fenced, indented, inline), HTML blocks and comments, and YAML/TOML front
//! matter produce other events and so stay blank. Each paragraph, heading, tight list item
//! or table cell becomes a block spanning its first to its last prose byte.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::{Block, BlockKind};
use crate::source::Span;

pub(super) fn prose_blocks(text: &str) -> (String, Vec<Block>) {
    let (prose, blocks) = text_ranges_and_blocks(text);
    (mask(text, prose), blocks)
}

/// The byte ranges of the prose `Text` events, in the order the parser gives them (copied
/// into the mask once the parse is over), and the blocks, in text order.
fn text_ranges_and_blocks(text: &str) -> (Vec<(usize, usize)>, Vec<Block>) {
    let options = Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
        | Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH;
    let mut blocks = Vec::new();
    let mut prose: Vec<(usize, usize)> = Vec::new();
    // Stack of open block containers: (kind, first prose byte, last prose byte).
    let mut open: Vec<(BlockKind, Option<Span>)> = Vec::new();
    let mut in_metadata = false;
    let mut code_depth = 0usize;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        match event {
            Event::Start(tag) => match tag {
                Tag::Heading { .. } => open.push((BlockKind::Heading, None)),
                Tag::Paragraph | Tag::Item | Tag::TableCell => {
                    open.push((BlockKind::Paragraph, None))
                }
                Tag::MetadataBlock(_) => in_metadata = true,
                Tag::CodeBlock(_) => code_depth += 1,
                _ => {}
            },
            Event::End(end) => match end {
                TagEnd::Heading(_) | TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell => {
                    if let Some((kind, Some(span))) = open.pop() {
                        blocks.push(Block { kind, span });
                    }
                }
                TagEnd::MetadataBlock(_) => in_metadata = false,
                TagEnd::CodeBlock => code_depth = code_depth.saturating_sub(1),
                _ => {}
            },
            Event::Text(_) if !in_metadata && code_depth == 0 => {
                let (start, end) = (range.start, range.end.min(text.len()));
                if start >= end || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
                    continue;
                }
                prose.push((start, end));
                if let Some((_, span)) = open.last_mut() {
                    let s = Span::new(start, end);
                    *span = Some(span.map_or(s, |old| old.cover(s)));
                }
            }
            _ => {}
        }
    }
    blocks.sort_by_key(|b| b.span.start);
    (prose, blocks)
}

/// The prose mask: `prose` ranges copied, the rest blanked. Text events come in text
/// order, but the ranges are sorted should a construct ever report one out of order, and
/// an overlap is copied once.
fn mask(text: &str, mut prose: Vec<(usize, usize)>) -> String {
    if !prose.is_sorted() {
        prose.sort_unstable();
    }
    let mut mask = super::MaskBuilder::new(text);
    for (start, end) in prose {
        mask.blank_to(start);
        mask.copy_to(end);
    }
    mask.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first implementation's mask, kept as an oracle: a blank byte buffer the prose
    /// is copied into, carriage returns blanked after, then validated back into a string.
    /// The parse that finds the prose and the blocks is the same code.
    fn mask_old(text: &str, prose: &[(usize, usize)]) -> String {
        let mut mask = crate::document::blank(text);
        for &(start, end) in prose {
            mask[start..end].copy_from_slice(&text.as_bytes()[start..end]);
        }
        for b in mask.iter_mut() {
            if *b == b'\r' {
                *b = b' ';
            }
        }
        crate::document::into_string(mask)
    }

    proptest::proptest! {
        /// The prose mask is the first implementation's.
        #[test]
        fn same_as_old(text in crate::document::tests::document()) {
            let (prose, _) = text_ranges_and_blocks(&text);
            proptest::prop_assert_eq!(mask(&text, prose.clone()), mask_old(&text, &prose));
        }
    }

    fn prose_of(text: &str) -> Vec<String> {
        let (prose, blocks) = prose_blocks(text);
        blocks
            .iter()
            .map(|b| {
                prose[b.span.start..b.span.end]
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    #[test]
    fn code_comments_and_front_matter_are_not_prose() {
        let text = "---\ntitle: « x »\n---\n\n# Titre\n\nUn `code «` ici.\n\n<!-- « non -->\n\n```\n« bloc\n```\n\n- item « a »\n";
        assert_eq!(prose_of(text), ["Titre", "Un ici.", "item « a »"]);
    }

    #[test]
    fn headings_are_marked() {
        let (_, blocks) = prose_blocks("# T\n\nCorps.\n");
        assert_eq!(blocks[0].kind, BlockKind::Heading);
        assert_eq!(blocks[1].kind, BlockKind::Paragraph);
    }

    #[test]
    fn offsets_point_into_the_file() {
        let text = "> Il a dit : « oui ».\n";
        let (prose, blocks) = prose_blocks(text);
        let b = blocks[0].span;
        assert_eq!(&text[b.start..b.end], "Il a dit : « oui ».");
        assert_eq!(prose.len(), text.len());
    }
}
