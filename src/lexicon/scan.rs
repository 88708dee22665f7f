//! Lines and fields of the data files, read as `str::lines`, `split` and `trim` read them.
//!
//! The grammar is some 13,000 lines and fields of a few bytes each. `str::lines` and
//! `split` find each separator with the standard library's `memchr`, whose set-up costs
//! more than such a field, and `str::trim` decodes a character at both ends: scanning the
//! files this way cost two million instructions, a fifth of a run on a short article once
//! the rest was made fast. The `memchr` crate finds a separator in a few instructions.

/// The lines of `text`, as [`str::lines`] gives them: split at `\n`, less a `\r` before it.
pub fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut ends = memchr::memchr_iter(b'\n', text.as_bytes());
    let mut start = 0;
    std::iter::from_fn(move || {
        let line = match ends.next() {
            Some(end) => {
                let line = text.get(start..end)?;
                start = end + 1;
                line.strip_suffix('\r').unwrap_or(line)
            }
            None if start < text.len() => {
                let line = text.get(start..)?;
                start = text.len();
                line
            }
            None => return None,
        };
        Some(line)
    })
}

/// Calls `f` on each field of `text` between `sep` bytes (ASCII), as `text.split(sep)`
/// gives them.
pub fn split<'s>(text: &'s str, sep: u8, mut f: impl FnMut(&'s str)) {
    let mut rest = text;
    while let Some(i) = memchr::memchr(sep, rest.as_bytes()) {
        f(rest.get(..i).unwrap_or_default());
        rest = rest.get(i + 1..).unwrap_or_default();
    }
    f(rest);
}

/// `text` split at the first `sep` byte (ASCII), as [`str::split_once`] splits it.
pub fn split_once(text: &str, sep: u8) -> Option<(&str, &str)> {
    let i = memchr::memchr(sep, text.as_bytes())?;
    Some((text.get(..i)?, text.get(i + 1..)?))
}

/// [`str::trim`], answered from the end bytes when both are printable ASCII (no space to
/// trim), as most entries are.
pub fn trim(text: &str) -> &str {
    match text.as_bytes() {
        [first, .., last] if first.is_ascii_graphic() && last.is_ascii_graphic() => text,
        [only] if only.is_ascii_graphic() => text,
        _ => text.trim(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLES: [&str; 12] = [
        "",
        "\n",
        "a",
        "a\n",
        "a\r\n",
        "a\r",
        "\r\n\r\n",
        "a\nb\r\nc",
        "a\n\nb\n",
        "\tx;y\t\t z ;",
        " é\u{a0}\t;\u{2009}",
        "x\r\r\ny",
    ];

    #[test]
    fn lines_are_str_lines() {
        for s in SAMPLES {
            assert_eq!(
                lines(s).collect::<Vec<_>>(),
                s.lines().collect::<Vec<_>>(),
                "{s:?}"
            );
        }
    }

    #[test]
    fn fields_are_str_split_and_trim() {
        for s in SAMPLES {
            for sep in [b'\t', b';', b'\n'] {
                let mut fields = Vec::new();
                split(s, sep, |f| fields.push(f));
                let expected: Vec<&str> = s.split(char::from(sep)).collect();
                assert_eq!(fields, expected, "{s:?}");
                assert_eq!(split_once(s, sep), s.split_once(char::from(sep)), "{s:?}");
                for f in fields {
                    assert_eq!(trim(f), f.trim(), "{f:?}");
                }
            }
        }
    }
}
