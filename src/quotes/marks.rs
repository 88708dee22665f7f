//! Quotation-mark characters and the direction each one has where it stands.

use crate::text::normalize::is_space;

/// Families of marks: a quote opened with one family is closed by the same family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Family {
    /// « »
    Guillemet,
    /// “ ” (and „ … “ / „ … ” in pasted German-style copy)
    Double,
    /// ‹ ›
    SingleAngle,
    /// ‘ ’
    Single,
    /// ASCII ", paired by position.
    Ascii,
}

impl Family {
    pub const ALL: [Family; 5] = [
        Family::Guillemet,
        Family::Double,
        Family::SingleAngle,
        Family::Single,
        Family::Ascii,
    ];

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn closing_char(self) -> char {
        match self {
            Family::Guillemet => '»',
            Family::Double => '”',
            Family::SingleAngle => '›',
            Family::Single => '’',
            Family::Ascii => '"',
        }
    }
}

/// What a mark does at its position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Open(Family),
    Close(Family),
    /// `“` closes a `„` quote but opens one otherwise; `"` depends on what is open.
    OpenOrClose(Family),
}

/// The role of `c` given the characters around it, or `None` if it is no quote mark here
/// (an apostrophe, an ASCII single quote).
pub fn role(c: char, prev: Option<char>, next: Option<char>) -> Option<Role> {
    let spaced = |c: Option<char>| c.is_none_or(is_space);
    Some(match c {
        '«' => Role::Open(Family::Guillemet),
        '»' => Role::Close(Family::Guillemet),
        '„' => Role::Open(Family::Double),
        '“' => Role::OpenOrClose(Family::Double),
        '”' => Role::Close(Family::Double),
        '‹' => Role::Open(Family::SingleAngle),
        '›' => Role::Close(Family::SingleAngle),
        '‘' => Role::Open(Family::Single),
        '’' => {
            // Between two letters, or after a letter before a letter/digit: an apostrophe
            // (l’État, aujourd’hui, rock ’n’ roll’s). Only a ’ followed by space or
            // punctuation can close a ‘ quote.
            let letter = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
            if letter(next) || (letter(prev) && letter(next)) {
                return None;
            }
            Role::Close(Family::Single)
        }
        '"' => {
            if spaced(prev) && !spaced(next) {
                Role::Open(Family::Ascii)
            } else if !spaced(prev)
                && (spaced(next)
                    || next.is_some_and(|c| c.is_ascii_punctuation() || "»…".contains(c)))
            {
                Role::Close(Family::Ascii)
            } else {
                Role::OpenOrClose(Family::Ascii)
            }
        }
        _ => return None,
    })
}

/// Characters that can be quote marks (a quick filter before [`role`]).
pub fn is_mark_char(c: char) -> bool {
    matches!(c, '«' | '»' | '„' | '“' | '”' | '‹' | '›' | '‘' | '’' | '"')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apostrophe_is_not_a_quote() {
        assert_eq!(role('’', Some('l'), Some('É')), None);
        assert_eq!(
            role('’', Some('s'), Some(' ')),
            Some(Role::Close(Family::Single))
        );
    }

    #[test]
    fn ascii_direction_by_spacing() {
        assert_eq!(
            role('"', Some(' '), Some('a')),
            Some(Role::Open(Family::Ascii))
        );
        assert_eq!(
            role('"', Some('a'), Some(' ')),
            Some(Role::Close(Family::Ascii))
        );
        assert_eq!(
            role('"', Some('a'), Some(',')),
            Some(Role::Close(Family::Ascii))
        );
        assert_eq!(role('"', None, Some('a')), Some(Role::Open(Family::Ascii)));
    }
}
