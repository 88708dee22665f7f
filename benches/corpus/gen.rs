//! A generator of French news articles for attrib's benchmarks and scaling runs.
//!
//! Articles are built from the templates and vocabulary of `vocabulary.toml` (written for
//! the project: invented towns, people and events, never text from a real article), with a
//! seeded RNG so that a seed always gives the same corpus. They exercise what the parser
//! meets in a newsroom's archive: headings, datelines, several paragraphs, quotes in « »
//! with U+00A0, U+202F, a plain space or none, “ ”, „ “ and ASCII `"`, nested ‹ › and “ ”
//! inside « », quotes running over several paragraphs, incises, introducers, markers,
//! signatures, anonymous and vague sources, the journalistic conditional, unattributed
//! figures, lists, links, suppression comments, the odd unbalanced mark, CRLF files, and a
//! few plain-text and HTML exports.
//!
//! Shared by `examples/gencorpus.rs` (which writes a corpus to disk) and
//! `benches/throughput.rs`, through `#[path]`.

use std::collections::HashMap;
use std::fmt::Write as _;

const VOCABULARY: &str = include_str!("vocabulary.toml");

/// The smallest and largest target size of an article, in bytes.
pub const MIN_ARTICLE: usize = 2 << 10;
pub const MAX_ARTICLE: usize = 12 << 10;

/// An article's file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Markdown,
    Text,
    Html,
}

impl Kind {
    pub fn ext(self) -> &'static str {
        match self {
            Kind::Markdown => "md",
            Kind::Text => "txt",
            Kind::Html => "html",
        }
    }
}

/// One generated article.
#[derive(Debug, Clone)]
pub struct Article {
    /// A file name, unique within a generator's output (`article-00042.md`).
    pub name: String,
    pub kind: Kind,
    pub text: String,
}

struct ParagraphKind {
    weight: u32,
    templates: Vec<String>,
}

struct Person {
    name: String,
    female: bool,
    role: String,
}

/// The per-article state templates are expanded in.
struct Ctx {
    /// The spacing inside guillemets: U+00A0, U+202F, a space or nothing.
    space: &'static str,
    cast: Vec<Person>,
    /// The person of the paragraph being written (an index into `cast`).
    person: usize,
    /// Gender of the entry being chosen (the paragraph's person's, or the cast member's
    /// being created).
    female: bool,
}

/// A deterministic article generator: the same seed gives the same articles.
pub struct Generator {
    rng: fastrand::Rng,
    words: HashMap<String, Vec<String>>,
    kinds: Vec<ParagraphKind>,
    total_weight: u32,
    count: usize,
}

impl Generator {
    pub fn new(seed: u64) -> Generator {
        let data: toml::Table = VOCABULARY.parse().expect("benches/corpus/vocabulary.toml");
        let list = |v: &toml::Value| -> Vec<String> {
            v.as_array()
                .expect("a list of strings")
                .iter()
                .map(|s| s.as_str().expect("a string").to_string())
                .collect()
        };
        let words = data["words"]
            .as_table()
            .expect("[words]")
            .iter()
            .map(|(k, v)| (k.clone(), list(v)))
            .collect();
        // Sorted by name, so the order (and the output) does not depend on the map.
        let mut kinds: Vec<(&String, &toml::Value)> = data["paragraphs"]
            .as_table()
            .expect("[paragraphs]")
            .iter()
            .collect();
        kinds.sort_by_key(|(k, _)| *k);
        let kinds: Vec<ParagraphKind> = kinds
            .into_iter()
            .map(|(_, v)| ParagraphKind {
                weight: v["weight"].as_integer().expect("weight") as u32,
                templates: list(&v["templates"]),
            })
            .collect();
        let total_weight = kinds.iter().map(|k| k.weight).sum();
        Generator {
            rng: fastrand::Rng::with_seed(seed),
            words,
            kinds,
            total_weight,
            count: 0,
        }
    }

    /// The next article: 2–12 KB (most between 2 and 6), mostly Markdown, some plain text
    /// and HTML, a few with CRLF line ends.
    pub fn article(&mut self) -> Article {
        let f = self.rng.f64();
        let target = MIN_ARTICLE + (f * f * (MAX_ARTICLE - MIN_ARTICLE) as f64) as usize;
        let kind = match self.rng.u32(0..100) {
            0..88 => Kind::Markdown,
            88..96 => Kind::Text,
            _ => Kind::Html,
        };
        self.article_of_size(target, kind)
    }

    /// An article of about `bytes` bytes (it stops after the paragraph that reaches it).
    pub fn article_of_size(&mut self, bytes: usize, kind: Kind) -> Article {
        self.count += 1;
        let name = format!("article-{:05}.{}", self.count, kind.ext());
        let (title, blocks) = self.blocks(bytes, kind);
        let mut text = match kind {
            Kind::Markdown => markdown(&title, &blocks, self.rng.u32(0..20) == 0),
            Kind::Text => plain(&title, &blocks),
            Kind::Html => html(&title, &blocks),
        };
        if self.rng.u32(0..30) == 0 {
            text = text.replace('\n', "\r\n");
        }
        Article { name, kind, text }
    }

    /// Articles totalling at least `bytes` bytes (at most one article more).
    pub fn corpus(&mut self, bytes: usize) -> Vec<Article> {
        let mut out = Vec::new();
        let mut total = 0;
        while total < bytes {
            let a = self.article();
            total += a.text.len();
            out.push(a);
        }
        out
    }

    /// One Markdown file of at least `bytes` bytes: articles one after another, as an
    /// archive exported to a single file.
    pub fn long_markdown(&mut self, bytes: usize) -> String {
        let mut out = String::with_capacity(bytes + MAX_ARTICLE);
        while out.len() < bytes {
            let f = self.rng.f64();
            let target = MIN_ARTICLE + (f * f * (MAX_ARTICLE - MIN_ARTICLE) as f64) as usize;
            let a = self.article_of_size(target, Kind::Markdown);
            out.push_str(&a.text);
            out.push('\n');
        }
        out
    }

    /// The title and the blocks (paragraphs, `## ` headings, `- ` lists) of an article of
    /// about `bytes` bytes.
    fn blocks(&mut self, bytes: usize, kind: Kind) -> (String, Vec<String>) {
        let space = match self.rng.u32(0..20) {
            0..10 => "\u{a0}",
            10..15 => "\u{202f}",
            15..19 => " ",
            _ => "",
        };
        let mut ctx = Ctx {
            space,
            cast: Vec::new(),
            person: 0,
            female: false,
        };
        for _ in 0..self.rng.usize(2..=5) {
            let female = self.rng.bool();
            ctx.female = female;
            let given = self.pick(if female { "given_f" } else { "given_m" });
            let surname = self.pick("surname");
            let role = self.expand("{roles}", &mut ctx);
            ctx.cast.push(Person {
                name: format!("{given} {surname}"),
                female,
                role,
            });
        }
        self.choose_person(&mut ctx);
        let title = contract(&self.expand("{Title}", &mut ctx));
        let mut blocks = Vec::new();
        let mut size = title.len();
        if self.rng.u32(0..3) > 0 {
            let lead = self.expand("{date}, {City}. - {Filler}. {Fact}.", &mut ctx);
            size += lead.len();
            blocks.push(lead);
        }
        if kind == Kind::Markdown && self.rng.u32(0..15) == 0 {
            blocks.push("<!-- attrib-disable-next-line quote-without-speaker -->".into());
        }
        while size < bytes {
            self.choose_person(&mut ctx);
            let mut pick = self.rng.u32(0..self.total_weight);
            let mut kind_index = 0;
            for (i, k) in self.kinds.iter().enumerate() {
                if pick < k.weight {
                    kind_index = i;
                    break;
                }
                pick -= k.weight;
            }
            let templates = &self.kinds[kind_index].templates;
            let template = templates[self.rng.usize(0..templates.len())].clone();
            let para = contract(&self.expand(&template, &mut ctx));
            if para.starts_with("## ")
                && blocks.last().is_some_and(|b: &String| b.starts_with("## "))
            {
                continue;
            }
            for block in para.split("\n\n") {
                size += block.len() + 2;
                blocks.push(block.to_string());
            }
        }
        (title, blocks)
    }

    /// Most paragraphs speak of someone already named; some bring a new person in.
    fn choose_person(&mut self, ctx: &mut Ctx) {
        ctx.person = self.rng.usize(0..ctx.cast.len());
        ctx.female = ctx.cast[ctx.person].female;
    }

    fn pick(&mut self, list: &str) -> String {
        let items = &self.words[list];
        items[self.rng.usize(0..items.len())].clone()
    }

    /// Expands the slots of `template` (see `vocabulary.toml`).
    fn expand(&mut self, template: &str, ctx: &mut Ctx) -> String {
        let mut out = String::with_capacity(template.len() * 2);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let close = open + rest[open..].find('}').expect("a closed slot");
            let name = &rest[open + 1..close];
            rest = &rest[close + 1..];
            self.slot(name, ctx, &mut out);
        }
        out.push_str(rest);
        out
    }

    fn slot(&mut self, name: &str, ctx: &mut Ctx, out: &mut String) {
        let person = ctx.cast.get(ctx.person);
        match name {
            "P" => out.push_str(&person.expect("a cast").name),
            "role" => out.push_str(&person.expect("a cast").role),
            "il" => out.push_str(if ctx.female { "elle" } else { "il" }),
            "e" => out.push_str(if ctx.female { "e" } else { "" }),
            "«" => {
                out.push('«');
                out.push_str(ctx.space);
            }
            "»" => {
                out.push_str(ctx.space);
                out.push('»');
            }
            "‹" => {
                out.push('‹');
                out.push_str(ctx.space);
            }
            "›" => {
                out.push_str(ctx.space);
                out.push('›');
            }
            "n" => {
                let _ = write!(out, "{}", self.rng.u32(3..=90));
            }
            "big" => {
                let n = self.rng.u32(1_200..=98_000);
                let sep = if self.rng.bool() { "\u{202f}" } else { " " };
                let _ = write!(out, "{}{sep}{:03}", n / 1000, n % 1000);
            }
            "money" => {
                if self.rng.u32(0..4) == 0 {
                    let _ = write!(
                        out,
                        "{},{} milliards d'euros",
                        self.rng.u32(1..=40),
                        self.rng.u32(1..=9)
                    );
                } else {
                    let _ = write!(out, "{} millions d'euros", self.rng.u32(2..=900));
                }
            }
            "pct" => {
                let _ = write!(
                    out,
                    "{},{}\u{a0}%",
                    self.rng.u32(1..=60),
                    self.rng.u32(0..=9)
                );
            }
            "year" => {
                let _ = write!(out, "{}", self.rng.u32(2019..=2031));
            }
            "date" => {
                let d = self.rng.u32(1..=28);
                let month = self.pick("month");
                let _ = write!(out, "{d} {month} {}", self.rng.u32(2022..=2026));
            }
            _ => {
                let first = name.chars().next().expect("a slot name");
                let lower = name.to_lowercase();
                let entry = self.pick(if first.is_uppercase() { &lower } else { name });
                // "masculine|feminine"
                let entry = match entry.split_once('|') {
                    Some((m, f)) => (if ctx.female { f } else { m }).to_string(),
                    None => entry,
                };
                let text = self.expand(&entry, ctx);
                if first.is_uppercase() {
                    let mut chars = text.chars();
                    if let Some(c) = chars.next() {
                        out.extend(c.to_uppercase());
                        out.push_str(chars.as_str());
                    }
                } else {
                    out.push_str(&text);
                }
            }
        }
    }
}

/// The contracted articles: `de le` is `du`, `à les` is `aux`.
fn contract(s: &str) -> String {
    s.replace(" de le ", " du ")
        .replace(" de les ", " des ")
        .replace(" à le ", " au ")
        .replace(" à les ", " aux ")
}

fn markdown(title: &str, blocks: &[String], blockquote: bool) -> String {
    let mut out = format!("# {title}\n\n");
    for (i, b) in blocks.iter().enumerate() {
        // Now and then a quote paragraph set as a blockquote.
        if blockquote && i % 4 == 3 && b.starts_with('«') {
            out.push_str("> ");
        }
        out.push_str(b);
        out.push_str("\n\n");
    }
    out
}

/// `[text](url)` becomes `text`.
fn unlink(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = rest.find('[') {
        let Some(mid) = rest[open..].find("](").map(|m| open + m) else {
            break;
        };
        let Some(close) = rest[mid..].find(')').map(|c| mid + c) else {
            break;
        };
        out.push_str(&rest[..open]);
        out.push_str(&rest[open + 1..mid]);
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

fn plain(title: &str, blocks: &[String]) -> String {
    let mut out = format!("{title}\n\n");
    for b in blocks {
        if b.starts_with("<!--") {
            continue;
        }
        out.push_str(&unlink(b.trim_start_matches("## ")));
        out.push_str("\n\n");
    }
    out
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('\u{a0}', "&nbsp;")
}

fn html(title: &str, blocks: &[String]) -> String {
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>{t}</title>\n<style>p {{ margin: 0 0 1em; }}</style>\n</head>\n<body>\n\
         <article>\n<h1>{t}</h1>\n",
        t = escape(title)
    );
    for b in blocks {
        if let Some(h) = b.strip_prefix("## ") {
            let _ = writeln!(out, "<h2>{}</h2>", escape(h));
        } else if b.starts_with("- ") {
            out.push_str("<ul>\n");
            for item in b.lines() {
                let _ = writeln!(out, "<li>{}</li>", escape(&unlink(&item[2..])));
            }
            out.push_str("</ul>\n");
        } else if b.starts_with("<!--") {
            continue;
        } else {
            let _ = writeln!(out, "<p>{}</p>", escape(&unlink(b)));
        }
    }
    out.push_str(
        "</article>\n<script>var share = \"« ceci n'est pas une citation »\";</script>\n\
         </body>\n</html>\n",
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_seed_gives_the_same_corpus() {
        let a = Generator::new(7).corpus(200_000);
        let b = Generator::new(7).corpus(200_000);
        let c = Generator::new(8).corpus(200_000);
        let texts = |v: &[Article]| v.iter().map(|a| a.text.clone()).collect::<Vec<_>>();
        assert_eq!(texts(&a), texts(&b));
        assert_ne!(texts(&a), texts(&c));
    }

    #[test]
    fn sizes_are_as_asked() {
        let mut g = Generator::new(1);
        let corpus = g.corpus(1 << 20);
        let total: usize = corpus.iter().map(|a| a.text.len()).sum();
        assert!(
            (1 << 20..(1 << 20) + MAX_ARTICLE + 4096).contains(&total),
            "{total}"
        );
        for a in &corpus {
            // An article stops after the paragraph that reaches its target; HTML markup
            // adds a little.
            assert!(
                (MIN_ARTICLE..MAX_ARTICLE + 3000).contains(&a.text.len()),
                "{} is {} bytes",
                a.name,
                a.text.len()
            );
        }
        for kind in [Kind::Markdown, Kind::Text, Kind::Html] {
            assert!(corpus.iter().any(|a| a.kind == kind), "no {kind:?}");
        }
        assert!(corpus.iter().any(|a| a.text.contains("\r\n")));
        let long = g.long_markdown(5 << 20);
        assert!((5 << 20..(5 << 20) + MAX_ARTICLE + 4096).contains(&long.len()));
        let one = g.article_of_size(4096, Kind::Markdown);
        assert!((4096..4096 + 1500).contains(&one.text.len()));
    }

    /// The articles read like news to the parser: quotes with speakers, every kind of
    /// source, the rules firing now and then.
    #[test]
    fn articles_exercise_the_parser() {
        use attrib::analysis::analyze;
        use attrib::document::Format;
        use attrib::model::SourceKind;
        use std::path::Path;

        let mut quotes = 0;
        let mut with_speaker = 0;
        let mut source_kinds = Vec::new();
        let mut rules = Vec::new();
        for a in Generator::new(3).corpus(300_000) {
            let path = Path::new(&a.name);
            let analysis =
                analyze(path, a.text.into_bytes(), Format::from_path(path)).expect("valid UTF-8");
            quotes += analysis.quotes.len();
            with_speaker += analysis
                .quotes
                .iter()
                .filter(|q| q.speaker.is_some())
                .count();
            source_kinds.extend(analysis.attributions.iter().map(|a| a.source.kind));
            rules.extend(analysis.findings.iter().map(|f| f.rule));
        }
        assert!(quotes > 500, "{quotes} quotes");
        assert!(with_speaker * 10 > quotes * 6, "{with_speaker} of {quotes}");
        for kind in [
            SourceKind::Person,
            SourceKind::Organization,
            SourceKind::Media,
            SourceKind::Anonymous,
            SourceKind::Vague,
        ] {
            assert!(source_kinds.contains(&kind), "no {kind:?} source");
        }
        for rule in [
            "unbalanced-quote",
            "quote-without-speaker",
            "unattributed-claim",
            "hearsay-without-source",
            "anonymous-source",
            "vague-source",
        ] {
            assert!(rules.contains(&rule), "{rule} never fires");
        }
    }
}
