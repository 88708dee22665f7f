//! Direct, partial or mention: what a quotation is, from its shape and its setting.
//!
//! Direct speech is whole sentences: it has a sentence break inside, or it is introduced
//! by a colon, or it starts with a capital and stands alone in its sentence. A fragment
//! woven into the article's sentence is partial. Marks around a name, a title or a short
//! phrase with no speaker in sight (`l'opération « Barkhane »`, `ses « exploits »`) are a
//! mention and need no speaker; a naming word before the marks (`baptisée`, `le mot`)
//! makes a mention whatever follows.

use crate::model::QuoteKind;

/// What the speaker stage knows about a quote's setting.
#[derive(Debug, Clone, Copy, Default)]
pub struct Setting {
    pub after_colon: bool,
    /// Right after `que`: reported content (`estime que « … »`), never a mention.
    pub after_que: bool,
    /// Right after a reporting verb (`a dit « … »`, `a qualifié de « … »`): reported words.
    pub after_reporting_verb: bool,
    pub naming_cue_before: bool,
    /// The article's sentence goes on after the closing mark with something that is not
    /// an incise.
    pub sentence_continues: bool,
    pub has_speaker: bool,
    /// The speaker was found in an incise or marker right after the quote.
    pub said_after: bool,
}

pub fn classify(inner: &str, setting: Setting) -> QuoteKind {
    // Compared with 3 to 6 below: counting stops at 7, so a long quote is not read whole.
    let words = inner
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .take(7)
        .count();
    // The count first: it stops early, the search for a break reads the whole quote.
    if words >= 4 && has_sentence_break(inner) {
        return QuoteKind::Direct;
    }
    if setting.naming_cue_before && words <= 6 && !setting.after_reporting_verb {
        return QuoteKind::Mention;
    }
    // `« A3 »`, `« Nintendo Direct »`: a code or a title-case name, unless it is said.
    let name_like = words <= 3
        && inner.split_whitespace().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                || w.chars().any(|c| c.is_ascii_digit())
        });
    if name_like
        && !setting.after_colon
        && !setting.after_que
        && !setting.said_after
        && !setting.after_reporting_verb
    {
        return QuoteKind::Mention;
    }
    let starts_upper = inner
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(char::is_uppercase);
    let ends_sentence = inner.trim_end().ends_with(['.', '!', '?', '…']);
    if words >= 3
        && (setting.after_colon
            || (starts_upper
                && !setting.sentence_continues
                && (setting.has_speaker || ends_sentence)))
    {
        return QuoteKind::Direct;
    }
    if setting.has_speaker || setting.after_que || setting.after_reporting_verb || words > 4 {
        return QuoteKind::Partial;
    }
    QuoteKind::Mention
}

/// A `.`, `!`, `?` or `…` followed by a space and a capital, inside the quote.
///
/// The stops are looked for a byte at a time, decoding nothing in between: the stops
/// other than `…` are ASCII, and `…` is found from its lead byte (a searcher for a set of
/// characters decoded every character of every quote, most of the cost of classifying it).
fn has_sentence_break(inner: &str) -> bool {
    let bytes = inner.as_bytes();
    let mut from = 0;
    while let Some(at) = bytes[from..]
        .iter()
        .position(|b| matches!(b, b'.' | b'!' | b'?' | 0xe2))
    {
        // `i` is on a character boundary: an ASCII byte or a lead byte.
        let i = from + at;
        from = i + 1;
        let stop = match bytes[i] {
            0xe2 if inner[i..].starts_with('…') => '…'.len_utf8(),
            0xe2 => continue,
            _ => 1,
        };
        let mut after = inner[i + stop..].chars();
        if after.next().is_some_and(crate::text::normalize::is_space)
            && after.next().is_some_and(char::is_uppercase)
        {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The search from each stop agrees with the windows over collected characters it
        /// replaced.
        #[test]
        fn sentence_break_is_the_window_scan(text in "[a.!?…É \u{a0}\u{202f}B’“—\u{2028}]{0,12}") {
            let chars: Vec<char> = text.chars().collect();
            let windows = chars.windows(3).any(|w| {
                matches!(w[0], '.' | '!' | '?' | '…')
                    && crate::text::normalize::is_space(w[1])
                    && w[2].is_uppercase()
            });
            prop_assert_eq!(has_sentence_break(&text), windows);
        }
    }

    #[test]
    fn sentences_are_direct() {
        let s = Setting::default();
        assert_eq!(
            classify("Nous partons. Il le faut bien.", s),
            QuoteKind::Direct
        );
        let colon = Setting {
            after_colon: true,
            has_speaker: true,
            ..s
        };
        assert_eq!(
            classify("Nous partons demain matin", colon),
            QuoteKind::Direct
        );
    }

    #[test]
    fn a_whole_sentence_is_direct_even_unattributed() {
        assert_eq!(
            classify("Le tramway changera la ville.", Setting::default()),
            QuoteKind::Direct
        );
    }

    #[test]
    fn fragments_with_speaker_are_partial() {
        let s = Setting {
            has_speaker: true,
            sentence_continues: true,
            ..Default::default()
        };
        assert_eq!(classify("une trahison", s), QuoteKind::Partial);
    }

    #[test]
    fn short_unattributed_marks_are_mentions() {
        assert_eq!(classify("Barkhane", Setting::default()), QuoteKind::Mention);
        let named = Setting {
            naming_cue_before: true,
            has_speaker: true,
            ..Default::default()
        };
        assert_eq!(
            classify("Les Soulèvements de la Terre", named),
            QuoteKind::Mention
        );
    }

    #[test]
    fn long_fragment_without_speaker_stays_partial() {
        assert_eq!(
            classify(
                "de haut en bas toute la rédaction en un mois",
                Setting::default()
            ),
            QuoteKind::Partial
        );
    }
}
