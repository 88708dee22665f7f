//! Speaker labels in transcripts, and whether two names are the same person.
//!
//! A transcript names who speaks at the start of a line or cue: `PESKOV: …`,
//! `Dmitri Peskov : …`, `- M. PESKOV : …`. A label is read as the speaker of the text
//! that follows until the next label. To keep a press release's `Objet : …` or
//! `Paris : …` from passing for a speaker, a label is either in capitals (`PESKOV`) or
//! two to five capitalised words (`Dmitri Peskov`, `Jean de La Tour`). `Q :`, `R :`,
//! `Question :` and `Réponse :` are turns of an interview with no name: they end the
//! previous speaker's turn without naming a new one. The words (particles, titles, turn
//! labels) are the grammar's (`grammar/fr/`).

use crate::lexicon::FR;
use crate::text::normalize::{fold, is_space};

/// A label at the start of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// Bytes from the line's start to the first byte of the spoken text.
    pub len: usize,
    /// The speaker, `None` for an anonymous turn (`Q :`).
    pub name: Option<String>,
}

/// The speaker label opening `line`, if any.
pub fn line_label(line: &str) -> Option<Label> {
    let body = line.trim_start_matches(is_space);
    // A dialogue dash may come first (`- PESKOV: …`).
    let body = match body.strip_prefix(['-', '–', '—']) {
        Some(r) => r.trim_start_matches(is_space),
        None => body,
    };
    let colon = body.find(':')?;
    if colon == 0 || colon > 60 {
        return None;
    }
    // Something follows the colon: a space or the end of the line (not `12:30`, not a URL).
    let after = &body[colon + 1..];
    if after.chars().next().is_some_and(|c| !is_space(c)) {
        return None;
    }
    let name = body[..colon].trim_end_matches(is_space);
    let words: Vec<&str> = name.split(is_space).filter(|w| !w.is_empty()).collect();
    if words.is_empty() || words.len() > 5 {
        return None;
    }
    let len = line.len() - after.trim_start_matches(is_space).len();
    let folded = fold(name);
    let turns = &FR.syntax.transcripts.turn_labels;
    if words.len() == 1 && turns.iter().any(|t| fold(t) == folded) {
        return Some(Label { len, name: None });
    }
    let letters = || name.chars().filter(|c| c.is_alphabetic());
    let capitals = letters().count() >= 2 && letters().all(|c| c.is_uppercase());
    let capitalised = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '.' | '\'' | '’'))
    };
    let mut named = 0;
    for (i, w) in words.iter().enumerate() {
        let particle = FR.name_particles.contains(fold(w).as_str());
        if capitalised(w) {
            named += 1;
        } else if !(particle && i > 0 && i + 1 < words.len()) {
            return None;
        }
    }
    if !(capitals || named >= 2) {
        return None;
    }
    Some(Label {
        len,
        name: Some(name.to_string()),
    })
}

/// Letters without accents, lower-cased: `Élysée` → `elysee`.
fn fold_name(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars().flat_map(char::to_lowercase) {
        let base = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
            'ç' | 'ć' | 'č' => "c",
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
            'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' => "i",
            'ñ' | 'ń' | 'ň' => "n",
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => "u",
            'ý' | 'ÿ' => "y",
            'ś' | 'š' | 'ş' => "s",
            'ź' | 'ż' | 'ž' => "z",
            'ł' => "l",
            'ř' => "r",
            'ğ' => "g",
            'œ' => "oe",
            'æ' => "ae",
            'ß' => "ss",
            _ => {
                out.push(c);
                continue;
            }
        };
        out.push_str(base);
    }
    out
}

/// The words of a name that identify someone: folded, without particles and titles.
fn name_words(name: &str) -> Vec<String> {
    let titles = &FR.syntax.transcripts.name_titles;
    // Names are split at apostrophes too: an elided particle (`d'`) is left as its letter.
    let particle = |w: &str| {
        FR.name_particles.contains(w) || FR.name_particles.contains(format!("{w}'").as_str())
    };
    let mut out: Vec<String> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(fold_name)
        .filter(|w| !particle(w) && !titles.contains(w))
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Whether two names may be the same person: case and accents aside, the words of the
/// shorter name all appear in the longer one (`PESKOV` and `Dmitri Peskov`, `M. Peskov`
/// and `Dmitri Peskov`), so a surname alone matches a full name, and two people sharing a
/// surname (`Marie Durand`, `Paul Durand`) do not.
pub fn same_person(a: &str, b: &str) -> bool {
    let (a, b) = (name_words(a), name_words(b));
    if a.is_empty() || b.is_empty() {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.iter().all(|w| long.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(line: &str) -> Option<Option<String>> {
        line_label(line).map(|l| l.name)
    }

    #[test]
    fn labels_in_capitals_or_full_names() {
        assert_eq!(name("PESKOV: Non."), Some(Some("PESKOV".into())));
        assert_eq!(
            name("Dmitri Peskov\u{a0}: Non."),
            Some(Some("Dmitri Peskov".into()))
        );
        assert_eq!(
            name("- Jean de La Tour : Oui"),
            Some(Some("Jean de La Tour".into()))
        );
        let l = line_label("  M. PESKOV : Non.").unwrap();
        assert_eq!(&"  M. PESKOV : Non."[l.len..], "Non.");
        assert_eq!(name("Q : Et alors ?"), Some(None));
    }

    #[test]
    fn particles_titles_and_turns_come_from_the_grammar() {
        // Every particle of `name_particles.txt` may sit inside a name.
        assert_eq!(
            name("Omar ibn Khaldoun : Oui."),
            Some(Some("Omar ibn Khaldoun".into()))
        );
        assert_eq!(name("Réponse : non."), Some(None));
        assert_eq!(name("QUESTION : Pourquoi ?"), Some(None));
        // An elided particle and a title are no part of what identifies someone.
        assert!(same_person("Mme d\u{2019}Estaing", "Hélène ESTAING"));
        assert!(same_person("Dr Durand", "Marie Durand"));
    }

    #[test]
    fn not_labels() {
        assert_eq!(name("Objet : réunion"), None);
        assert_eq!(name("Il a dit : non"), None);
        assert_eq!(name("RDV à 12:30"), None);
        assert_eq!(name("Voir https://x.fr"), None);
        assert_eq!(name("Pas de deux-points ici"), None);
    }

    #[test]
    fn names_compare_tolerantly() {
        assert!(same_person("PESKOV", "Dmitri Peskov"));
        assert!(same_person("M. Peskov", "Dmitri PESKOV"));
        assert!(same_person("Hélène Garnier", "HELENE GARNIER"));
        assert!(same_person("Jean de La Tour", "LA TOUR"));
        assert!(!same_person("Marie Durand", "Paul Durand"));
        assert!(!same_person("PESKOV", "Vladimir Poutine"));
    }
}
