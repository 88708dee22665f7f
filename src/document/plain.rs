//! Plain text: paragraphs are separated by blank lines; everything is prose.

use super::{Block, BlockKind};
use crate::source::Span;

pub(super) fn prose_blocks(text: &str) -> (String, Vec<Block>) {
    let start_at = prose_start(text);
    // All prose but the byte order mark (the builder blanks carriage returns).
    let mut mask = super::MaskBuilder::new(text);
    mask.blank_to(start_at);
    mask.copy_to(text.len());
    (mask.finish(), blocks(text, start_at))
}

/// Where the prose starts: after the byte order mark, if any.
fn prose_start(text: &str) -> usize {
    if text.starts_with('\u{feff}') { 3 } else { 0 }
}

/// The paragraphs of the text from `start_at`: runs of lines that are not blank.
fn blocks(text: &str, start_at: usize) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut block_start: Option<usize> = None;
    let mut last_content_end = start_at;
    let mut pos = start_at;
    for line in text[start_at..].split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim().is_empty() {
            if let Some(s) = block_start.take() {
                blocks.push(paragraph(text, s, last_content_end));
            }
        } else {
            if block_start.is_none() {
                block_start = Some(pos);
            }
            last_content_end = pos + content.len();
        }
        pos += line.len();
    }
    if let Some(s) = block_start {
        blocks.push(paragraph(text, s, last_content_end));
    }
    blocks
}

fn paragraph(text: &str, start: usize, end: usize) -> Block {
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    Block {
        kind: BlockKind::Paragraph,
        span: Span::new(start + lead, end - trail),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first implementation's mask, kept as an oracle: a blank byte buffer the text
    /// is copied into, carriage returns blanked after, then validated into a string.
    fn mask_old(text: &str) -> String {
        let mut mask = crate::document::blank(text);
        let start_at = prose_start(text);
        mask[start_at..].copy_from_slice(&text.as_bytes()[start_at..]);
        // Carriage returns are not prose: blank them so CRLF text reads like LF text.
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
            proptest::prop_assert_eq!(prose_blocks(&text).0, mask_old(&text));
        }
    }

    #[test]
    fn blank_lines_split_paragraphs() {
        let text = "Un.\r\nDeux.\r\n\r\n  Trois.\n";
        let (prose, blocks) = prose_blocks(text);
        assert_eq!(blocks.len(), 2);
        assert_eq!(
            &text[blocks[0].span.start..blocks[0].span.end],
            "Un.\r\nDeux."
        );
        assert_eq!(&text[blocks[1].span.start..blocks[1].span.end], "Trois.");
        assert!(!prose.contains('\r'));
    }
}
