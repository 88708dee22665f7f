//! A token slice as nom input, so the grammar of reported speech is written with nom
//! combinators over words instead of characters.

use std::iter::Enumerate;
use std::slice::Iter;

use nom::{Input, Needed};

use crate::text::token::Token;

/// Tokens `[start, end)` of a block; `start` is kept so parsers can report positions.
#[derive(Debug, Clone, Copy)]
pub struct Toks<'a> {
    pub all: &'a [Token],
    pub start: usize,
    pub end: usize,
}

impl<'a> Toks<'a> {
    pub fn new(all: &'a [Token], start: usize, end: usize) -> Self {
        let end = end.min(all.len());
        Toks {
            all,
            start: start.min(end),
            end,
        }
    }

    pub fn first(&self) -> Option<&'a Token> {
        (self.start < self.end).then(|| &self.all[self.start])
    }

    pub fn get(&self, offset: usize) -> Option<&'a Token> {
        let i = self.start + offset;
        (i < self.end).then(|| &self.all[i])
    }
}

impl<'a> Input for Toks<'a> {
    type Item = &'a Token;
    type Iter = Iter<'a, Token>;
    type IterIndices = Enumerate<Iter<'a, Token>>;

    fn input_len(&self) -> usize {
        self.end - self.start
    }

    fn take(&self, index: usize) -> Self {
        Toks::new(self.all, self.start, self.start + index)
    }

    fn take_from(&self, index: usize) -> Self {
        Toks::new(self.all, self.start + index, self.end)
    }

    fn take_split(&self, index: usize) -> (Self, Self) {
        (self.take_from(index), self.take(index))
    }

    fn position<P>(&self, predicate: P) -> Option<usize>
    where
        P: Fn(Self::Item) -> bool,
    {
        self.all[self.start..self.end].iter().position(predicate)
    }

    fn iter_elements(&self) -> Self::Iter {
        self.all[self.start..self.end].iter()
    }

    fn iter_indices(&self) -> Self::IterIndices {
        self.all[self.start..self.end].iter().enumerate()
    }

    fn slice_index(&self, count: usize) -> Result<usize, Needed> {
        if self.input_len() >= count {
            Ok(count)
        } else {
            Err(Needed::new(count - self.input_len()))
        }
    }
}
