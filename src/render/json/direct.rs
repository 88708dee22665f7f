//! A file's report written straight as JSON bytes, in serde_json's pretty or compact
//! layout, without going through serde's data model.
//!
//! Through serde, every key of every field is escaped again and every piece of structure
//! is a call into the formatter; a report is mostly positions (six integers each) and
//! their keys, so that is most of the cost of `--format json`. Here the keys are constants,
//! the structure is written in place and integers go through `itoa` as serde_json's own do;
//! string values and enum names still go through serde_json, which alone escapes strings.
//!
//! The `#[derive(Serialize)]` of the report types stays the reference: tests compare these
//! bytes with serde_json's for the same report (`tests/json_writer.rs`, and a property in
//! `tests/properties.rs`), and each type below is taken apart with an exhaustive pattern,
//! so that a field added to a report type does not compile here until it is written. The
//! report types carry no serde attribute that changes how a field is written (`rename`,
//! `skip_serializing_if`, `flatten`); one added there must be mirrored here.
//!
//! The small pieces are inlined (`#[inline(always)]`): a call costs as much as a line.

use std::borrow::Cow;
use std::io;

use serde::Serialize;

use crate::model::{CueKind, QuoteKind, Scope, Signal, SourceKind, Via};
use crate::report::{
    AttributionOut, ClaimCounts, ClaimOut, ClaimSourceOut, CueOut, FileReport, FindingOut,
    QuoteOut, SeverityCounts, SourceOut, SpeakerOut, Summary,
};
use crate::rules::Severity;
use crate::source::Location;

/// `file` as serde_json's pretty printer writes it `level` levels deep in a document (two
/// spaces an indent; the first line's indentation is the caller's).
pub fn pretty(file: &FileReport, out: &mut Vec<u8>, level: usize) -> io::Result<()> {
    file.write(&mut Writer {
        out,
        layout: Pretty::at(level),
    })
}

/// `file` as `serde_json::to_writer` writes it: on one line, no space anywhere.
pub fn compact(file: &FileReport, out: &mut Vec<u8>) -> io::Result<()> {
    file.write(&mut Writer {
        out,
        layout: Compact,
    })
}

struct Writer<'o, L> {
    out: &'o mut Vec<u8>,
    layout: L,
}

/// The whitespace between the pieces of a document: what sets serde_json's pretty and
/// compact output apart.
trait Layout {
    /// A key as written, from its pretty form (`"name": `).
    fn key(pretty: &'static str) -> &'static [u8];

    /// Before a key or an array element: a comma after the one before (unless `first`).
    fn separate(&self, out: &mut Vec<u8>, first: bool);

    /// After `{` or `[`: one level deeper.
    fn open(&mut self);

    /// Before `}` or `]`: one level up, and the line break if anything was written inside.
    fn close(&mut self, out: &mut Vec<u8>, empty: bool);
}

/// serde_json's `PrettyFormatter` (as `render::json::Pretty` writes it at any depth).
struct Pretty {
    level: usize,
    /// The bytes of a line break at this level, comma included, as far as [`BREAK`]
    /// holds them.
    line: usize,
}

/// The deepest level whose line break is written in one piece: a report's deepest line is
/// four levels below its file (a claim's source's span's fields), six in the
/// `--format json` document.
const DEEPEST: usize = 16;

/// What a line break is copied from: a comma, the line break and the indentation of
/// [`DEEPEST`] levels, then one space more, so that [`PIECE`] bytes from either of the
/// first two bytes lie inside.
const BREAK: [u8; PIECE + 1] = {
    let mut b = [b' '; PIECE + 1];
    b[0] = b',';
    b[1] = b'\n';
    b
};

/// The bytes copied for a line break, before it is cut back to the indentation.
const PIECE: usize = 2 + 2 * DEEPEST;

impl Pretty {
    /// The layout `level` levels deep.
    fn at(level: usize) -> Pretty {
        Pretty {
            level,
            line: 2 + 2 * level.min(DEEPEST),
        }
    }

    /// A line break and the indentation of the current level, after a comma if `comma`.
    #[inline(always)]
    fn newline(&self, out: &mut Vec<u8>, comma: bool) {
        // A copy of a fixed size is a few moves, one of a varying size a call to `memcpy`
        // (which costs more than the line itself): copy the deepest indentation, then cut
        // it back.
        let from = usize::from(!comma);
        let end = out.len() + self.line - from;
        out.extend_from_slice(&BREAK[from..from + PIECE]);
        out.truncate(end);
        for _ in DEEPEST..self.level {
            out.extend_from_slice(b"  ");
        }
    }
}

impl Layout for Pretty {
    #[inline(always)]
    fn key(pretty: &'static str) -> &'static [u8] {
        pretty.as_bytes()
    }

    #[inline(always)]
    fn separate(&self, out: &mut Vec<u8>, first: bool) {
        self.newline(out, !first);
    }

    fn open(&mut self) {
        *self = Pretty::at(self.level + 1);
    }

    #[inline(always)]
    fn close(&mut self, out: &mut Vec<u8>, empty: bool) {
        *self = Pretty::at(self.level - 1);
        if !empty {
            self.newline(out, false);
        }
    }
}

/// serde_json's `CompactFormatter`.
struct Compact;

impl Layout for Compact {
    /// The pretty key without its last byte, the space after the colon.
    #[inline(always)]
    fn key(pretty: &'static str) -> &'static [u8] {
        let bytes = pretty.as_bytes();
        &bytes[..bytes.len().saturating_sub(1)]
    }

    fn separate(&self, out: &mut Vec<u8>, first: bool) {
        if !first {
            out.push(b',');
        }
    }

    fn open(&mut self) {}

    fn close(&mut self, _out: &mut Vec<u8>, _empty: bool) {}
}

impl<L: Layout> Writer<'_, L> {
    #[inline(always)]
    fn open(&mut self, mark: u8) {
        self.out.push(mark);
        self.layout.open();
    }

    #[inline(always)]
    fn close(&mut self, mark: u8, empty: bool) {
        self.layout.close(self.out, empty);
        self.out.push(mark);
    }

    /// `key` is a key as the pretty layout writes it, `"name": `, where the name is a Rust
    /// field name, which JSON never escapes. Inlined, so that the key is a constant,
    /// copied in a few moves.
    #[inline(always)]
    fn key(&mut self, key: &'static str, first: bool) {
        self.layout.separate(self.out, first);
        self.out.extend_from_slice(L::key(key));
    }

    /// A value serde_json writes the same way in either layout: a string or an enum's
    /// name.
    #[inline(always)]
    fn serde<T: Serialize + ?Sized>(&mut self, value: &T) -> io::Result<()> {
        serde_json::to_writer(&mut *self.out, value).map_err(io::Error::other)
    }
}

/// A value of a report, written as its `Serialize` would be.
trait Value {
    fn write<L: Layout>(&self, w: &mut Writer<'_, L>) -> io::Result<()>;
}

/// In decimal by `itoa`, as serde_json writes integers.
impl Value for usize {
    #[inline(always)]
    fn write<L: Layout>(&self, w: &mut Writer<'_, L>) -> io::Result<()> {
        w.out
            .extend_from_slice(itoa::Buffer::new().format(*self).as_bytes());
        Ok(())
    }
}

impl Value for Cow<'_, str> {
    fn write<L: Layout>(&self, w: &mut Writer<'_, L>) -> io::Result<()> {
        w.string(self)
    }
}

impl Value for &str {
    fn write<L: Layout>(&self, w: &mut Writer<'_, L>) -> io::Result<()> {
        w.string(self)
    }
}

impl<L: Layout> Writer<'_, L> {
    /// A string value: copied between quotes when none of its bytes is one JSON escapes,
    /// escaped by serde_json otherwise. Most values (quote texts, claims, messages) hold
    /// none, and the check costs a fraction of serde_json's scan, which looks each byte up
    /// in its escape table: it reads 32 bytes at a time with no early exit, which the
    /// compiler vectorises.
    fn string(&mut self, s: &str) -> io::Result<()> {
        if !s.as_bytes().chunks(32).all(needs_no_escape) {
            return self.serde(s);
        }
        self.out.reserve(s.len() + 2);
        self.out.push(b'"');
        self.out.extend_from_slice(s.as_bytes());
        self.out.push(b'"');
        Ok(())
    }
}

/// Whether serde_json would copy these bytes of a string as they are: it escapes control
/// characters, `"` and `\`, and nothing else (not `/`, DEL or any non-ASCII character).
fn needs_no_escape(bytes: &[u8]) -> bool {
    bytes.iter().fold(true, |clean, &b| {
        clean & (b >= 0x20) & (b != b'"') & (b != b'\\')
    })
}

/// The enums of the report: written by their own `Serialize`, which names each variant.
macro_rules! by_serde {
    ($($t:ty),*) => {$(
        impl Value for $t {
            fn write<L: Layout>(&self, w: &mut Writer<'_, L>) -> io::Result<()> {
                w.serde(self)
            }
        }
    )*};
}

by_serde!(QuoteKind, SourceKind, Via, CueKind, Scope, Signal, Severity);

/// `None` is `null`, `Some` its value: serde's `Option`.
impl<T: Value> Value for Option<T> {
    fn write<L: Layout>(&self, w: &mut Writer<'_, L>) -> io::Result<()> {
        match self {
            Some(v) => v.write(w),
            None => {
                w.out.extend_from_slice(b"null");
                Ok(())
            }
        }
    }
}

impl<T: Value> Value for Vec<T> {
    fn write<L: Layout>(&self, w: &mut Writer<'_, L>) -> io::Result<()> {
        w.open(b'[');
        for (i, v) in self.iter().enumerate() {
            w.layout.separate(w.out, i == 0);
            v.write(w)?;
        }
        w.close(b']', self.is_empty());
        Ok(())
    }
}

/// Writes a struct's fields as an object, in the order given (the declaration order, which
/// is the derive's), each under its own name.
macro_rules! object {
    ($w:ident; $first:ident $(, $field:ident)* $(,)?) => {{
        $w.open(b'{');
        $w.key(concat!("\"", stringify!($first), "\": "), true);
        $first.write($w)?;
        $(
            $w.key(concat!("\"", stringify!($field), "\": "), false);
            $field.write($w)?;
        )*
        $w.close(b'}', false);
        Ok(())
    }};
}

/// Implements [`Value`] for a struct by taking it apart with an exhaustive pattern (a new
/// field is a compile error here) and writing its fields with [`object!`].
macro_rules! struct_value {
    ($t:ident { $($field:ident),* $(,)? }) => {
        impl Value for $t<'_> {
            struct_value!(@write $t { $($field),* });
        }
    };
    ($t:ident 'static { $($field:ident),* $(,)? }) => {
        impl Value for $t {
            struct_value!(@write $t { $($field),* });
        }
    };
    (@write $t:ident { $($field:ident),* }) => {
        fn write<L: Layout>(&self, w: &mut Writer<'_, L>) -> io::Result<()> {
            let $t { $($field),* } = self;
            object!(w; $($field),*)
        }
    };
}

struct_value!(FileReport {
    path,
    language,
    quotes,
    attributions,
    claims,
    findings,
    summary
});
struct_value!(QuoteOut {
    id,
    text,
    kind,
    span,
    speaker
});
struct_value!(SpeakerOut {
    name,
    kind,
    span,
    via
});
struct_value!(AttributionOut {
    id,
    cue,
    source,
    content
});
struct_value!(CueOut {
    kind,
    text,
    lemma,
    span
});
struct_value!(SourceOut { name, kind, span });
struct_value!(ClaimOut {
    id,
    text,
    span,
    source,
    signals
});
struct_value!(ClaimSourceOut {
    name,
    kind,
    span,
    attribution,
    scope
});
struct_value!(FindingOut {
    rule,
    severity,
    message,
    span,
    subject
});
struct_value!(Summary 'static {
    quotes,
    quotes_with_speaker,
    claims,
    findings
});
struct_value!(ClaimCounts 'static {
    total,
    attributed,
    anonymous,
    vague,
    unattributed
});
struct_value!(SeverityCounts 'static { error, warning, info });
struct_value!(Location 'static {
    start,
    end,
    line,
    column,
    end_line,
    end_column
});
