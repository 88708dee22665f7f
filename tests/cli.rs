//! End-to-end tests of the `attrib` binary: exit codes, input errors, formats, colour.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn attrib(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_attrib"));
    cmd.args(args)
        .env_remove("NO_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("attrib runs");
    if let Some(bytes) = stdin {
        child.stdin.take().unwrap().write_all(bytes).unwrap();
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> String {
    let p = dir.path().join(name);
    std::fs::write(&p, bytes).unwrap();
    p.display().to_string()
}

const GOOD: &str = "« Nous partirons demain », a déclaré Marie Durand.\n";
const NO_SPEAKER: &str = "La réunion a duré. « Nous ne céderons rien sur ce point. »\n";
const UNBALANCED: &str = "Il a dit « oui sans fin.\n";

#[test]
fn clean_article_exits_zero() {
    let d = tempfile::tempdir().unwrap();
    let p = write(&d, "a.md", GOOD.as_bytes());
    let out = attrib(&["check", &p], None);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("Marie Durand"));
}

#[test]
fn fail_level_decides_exit_code() {
    let d = tempfile::tempdir().unwrap();
    let p = write(&d, "a.md", NO_SPEAKER.as_bytes());
    assert_eq!(attrib(&["check", &p], None).status.code(), Some(0));
    assert_eq!(
        attrib(&["check", "--fail-level", "warning", &p], None)
            .status
            .code(),
        Some(1)
    );
    let u = write(&d, "u.md", UNBALANCED.as_bytes());
    assert_eq!(attrib(&["check", &u], None).status.code(), Some(1));
    assert_eq!(
        attrib(&["check", "--fail-level", "never", &u], None)
            .status
            .code(),
        Some(0)
    );
}

#[test]
fn input_errors_exit_two_and_other_files_are_still_checked() {
    let d = tempfile::tempdir().unwrap();
    let good = write(&d, "good.md", GOOD.as_bytes());
    let bad = write(&d, "bad.md", b"ok\n\xC3\x28 here");
    let missing = d.path().join("missing.md").display().to_string();
    let out = attrib(&["check", "--format", "json", &bad, &missing, &good], None);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("{bad}:2: invalid UTF-8 at byte 3")),
        "{err}"
    );
    assert!(err.contains(&format!("{missing}: cannot read")), "{err}");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["files"].as_array().unwrap().len(), 1);
    assert_eq!(
        report["files"][0]["quotes"][0]["speaker"]["name"],
        "Marie Durand"
    );
    // A directory is walked: its unreadable article is reported, the others checked.
    let dir = d.path().display().to_string();
    let out = attrib(&["check", "--format", "json", &dir], None);
    assert_eq!(out.status.code(), Some(2));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["files"].as_array().unwrap().len(), 1);
}

#[test]
fn stdin_is_read_with_dash() {
    let out = attrib(&["check", "--format", "json", "-"], Some(GOOD.as_bytes()));
    assert_eq!(out.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["files"][0]["path"], "-");
    assert_eq!(report["version"], 1);
}

#[test]
fn usage_errors_exit_two() {
    assert_eq!(attrib(&["check"], None).status.code(), Some(2));
    assert_eq!(
        attrib(&["check", "--format", "xml", "x.md"], None)
            .status
            .code(),
        Some(2)
    );
    assert_eq!(attrib(&["frobnicate"], None).status.code(), Some(2));
}

#[test]
fn colour_follows_flag_and_no_color() {
    let d = tempfile::tempdir().unwrap();
    let p = write(&d, "a.md", NO_SPEAKER.as_bytes());
    let always = attrib(&["check", "--color", "always", &p], None);
    assert!(String::from_utf8_lossy(&always.stdout).contains('\u{1b}'));
    let never = attrib(&["check", "--color", "never", &p], None);
    assert!(!String::from_utf8_lossy(&never.stdout).contains('\u{1b}'));
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_attrib"));
    let out = cmd
        .args(["check", &p])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&out.stdout).contains('\u{1b}'));
}

#[test]
fn human_report_points_at_line_and_column() {
    let d = tempfile::tempdir().unwrap();
    let p = write(
        &d,
        "a.md",
        "Titre\r\n\r\nÉté. « Rien ne va plus ici. »\r\n".as_bytes(),
    );
    let out = attrib(&["check", "--color", "never", &p], None);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains(&format!("{p}:3:6")), "{text}");
    assert!(text.contains("warning[quote-without-speaker]"), "{text}");
}

#[test]
fn same_input_same_output() {
    let d = tempfile::tempdir().unwrap();
    let p = write(&d, "a.md", NO_SPEAKER.as_bytes());
    let a = attrib(&["check", "--format", "json", &p], None).stdout;
    let b = attrib(&["check", "--format", "json", &p], None).stdout;
    assert_eq!(a, b);
}

fn tree(files: &[(&str, &str)]) -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    for (name, text) in files {
        let p = d.path().join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    d
}

#[test]
fn directories_are_walked_sorted_honouring_gitignore_and_excludes() {
    let d = tree(&[
        ("b/two.md", NO_SPEAKER),
        ("a/one.txt", NO_SPEAKER),
        ("a/skip.md", NO_SPEAKER),
        ("drafts/wip.md", NO_SPEAKER),
        ("code.rs", "fn main() {}"),
        (".gitignore", "skip.md\n"),
    ]);
    let root = d.path().display().to_string();
    let out = attrib(
        &[
            "check",
            "--format",
            "concise",
            "--exclude",
            "drafts/**",
            &root,
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    let files: Vec<&str> = text.lines().map(|l| l.split(':').next().unwrap()).collect();
    assert_eq!(files.len(), 2, "{text}");
    assert!(
        files[0].ends_with("a/one.txt") && files[1].ends_with("b/two.md"),
        "{text}"
    );
}

#[test]
fn concise_format_is_one_line_per_finding() {
    let d = tempfile::tempdir().unwrap();
    let p = write(&d, "a.md", NO_SPEAKER.as_bytes());
    let out = attrib(&["check", "--format", "concise", &p], None);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(
        text.starts_with(&format!("{p}:1:20: warning quote-without-speaker ")),
        "{text}"
    );
}

#[test]
fn jsonl_is_one_report_per_line() {
    let d = tree(&[("a.md", GOOD), ("b.md", NO_SPEAKER)]);
    let out = attrib(
        &[
            "check",
            "--format",
            "jsonl",
            &d.path().display().to_string(),
        ],
        None,
    );
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert!(lines[0]["path"].as_str().unwrap().ends_with("a.md"));
    assert_eq!(lines[1]["summary"]["quotes"], 1);
}

#[test]
fn github_format_emits_workflow_annotations() {
    let d = tempfile::tempdir().unwrap();
    let p = write(&d, "a.md", NO_SPEAKER.as_bytes());
    let out = attrib(&["check", "--format", "github", &p], None);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("::warning file="), "{text}");
    assert!(
        text.contains(",line=1,col=20,endLine=1,")
            && text.contains("title=quote-without-speaker::"),
        "{text}"
    );
}

#[test]
fn output_file_exit_zero_quiet_and_statistics() {
    let d = tempfile::tempdir().unwrap();
    let p = write(&d, "u.md", UNBALANCED.as_bytes());
    let report = d.path().join("report.json").display().to_string();
    let out = attrib(&["check", "--format", "json", "-o", &report, &p], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    assert_eq!(json["files"][0]["summary"]["findings"]["error"], 1);
    assert_eq!(
        attrib(&["check", "--exit-zero", &p], None).status.code(),
        Some(0)
    );
    let quiet = attrib(&["check", "--quiet", "--color", "never", &p], None);
    let text = String::from_utf8_lossy(&quiet.stdout);
    assert!(
        text.contains("error[unbalanced-quote]") && !text.contains("quotes,"),
        "{text}"
    );
    let stats = attrib(&["check", "--statistics", &p], None);
    let text = String::from_utf8_lossy(&stats.stdout);
    assert!(text.lines().any(|l| l.split_whitespace().collect::<Vec<_>>() == ["1", "unbalanced-quote", "error"]), "{text}");
}

#[test]
fn stdin_filename_names_and_types_standard_input() {
    let out = attrib(
        &[
            "check",
            "--format",
            "concise",
            "--stdin-filename",
            "drafts/story.txt",
            "-",
        ],
        Some(NO_SPEAKER.as_bytes()),
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("drafts/story.txt:1:20:"), "{text}");
}

#[test]
fn a_closed_pipe_exits_quietly() {
    let d = tempfile::tempdir().unwrap();
    let big = NO_SPEAKER.repeat(20_000);
    let p = write(&d, "big.md", big.as_bytes());
    let mut child = Command::new(env!("CARGO_BIN_EXE_attrib"))
        .args(["check", "--format", "concise", &p])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read one line, then close the pipe.
    let mut stdout = child.stdout.take().unwrap();
    let mut buf = [0u8; 64];
    let _ = std::io::Read::read(&mut stdout, &mut buf);
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    assert!(
        String::from_utf8_lossy(&out.stderr).is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_ne!(out.status.code(), Some(2));
}

#[test]
fn inline_suppression_and_unused_directives() {
    let text = format!(
        "<!-- attrib-disable-next-line quote-without-speaker -->\n{NO_SPEAKER}\n<!-- attrib-disable-next-line vague-source -->\nLe soleil se lève.\n"
    );
    let d = tempfile::tempdir().unwrap();
    let p = write(&d, "a.md", text.as_bytes());
    let out = attrib(&["check", "--format", "concise", &p], None);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(text.contains(":4:1: info unused-suppression "), "{text}");
}

#[test]
fn nearest_config_sets_rule_levels_and_isolated_ignores_it() {
    let d = tree(&[
        (
            "attrib.toml",
            "[rules]\nquote-without-speaker = \"error\"\n",
        ),
        (
            "desk/.attrib.toml",
            "[rules]\nquote-without-speaker = \"off\"\n",
        ),
        ("a.md", NO_SPEAKER),
        ("desk/b.md", NO_SPEAKER),
    ]);
    let root = d.path().display().to_string();
    let out = attrib(&["check", "--format", "concise", &root], None);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(
        text.contains("a.md:1:20: error quote-without-speaker"),
        "{text}"
    );
    assert_eq!(out.status.code(), Some(1));
    let isolated = attrib(&["check", "--format", "concise", "--isolated", &root], None);
    let text = String::from_utf8_lossy(&isolated.stdout);
    assert_eq!(
        text.matches("warning quote-without-speaker").count(),
        2,
        "{text}"
    );
    let explicit = d.path().join("desk/.attrib.toml").display().to_string();
    let fixed = attrib(
        &["check", "--format", "concise", "--config", &explicit, &root],
        None,
    );
    assert!(
        fixed.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&fixed.stdout)
    );
}

#[test]
fn bad_config_names_file_line_and_key() {
    let d = tree(&[
        ("attrib.toml", "[rules]\n\nno-such-rule = \"off\"\n"),
        ("a.md", GOOD),
    ]);
    let out = attrib(
        &["check", &d.path().join("a.md").display().to_string()],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("attrib.toml:3: rules.no-such-rule: no such rule"),
        "{err}"
    );
}

#[test]
fn config_vocabulary_and_excludes() {
    let d = tree(&[
        (
            "attrib.toml",
            "exclude = [\"archives/**\"]\n[vocabulary]\nreporting_verbs = [\"a tweeté\"]\nmedia = [\"La Gazette du Val\"]\n",
        ),
        (
            "a.md",
            "« Nous rouvrirons la piscine en juin », a tweeté Lucie Garnier.\n\nSelon La Gazette du Val, le chantier coûtera 3 millions d'euros.\n",
        ),
        ("archives/old.md", NO_SPEAKER),
    ]);
    let out = attrib(
        &["check", "--format", "json", &d.path().display().to_string()],
        None,
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let files = report["files"].as_array().unwrap();
    assert_eq!(files.len(), 1, "archives/ is excluded");
    assert_eq!(files[0]["quotes"][0]["speaker"]["name"], "Lucie Garnier");
    let sources: Vec<&str> = files[0]["attributions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["source"]["kind"].as_str().unwrap())
        .collect();
    assert!(sources.contains(&"media"), "{sources:?}");
}

#[test]
fn baseline_accepts_old_findings_survives_edits_and_lists_stale_entries() {
    let d = tree(&[("a.md", NO_SPEAKER)]);
    let article = d.path().join("a.md").display().to_string();
    let baseline = d.path().join("baseline.json").display().to_string();
    let out = attrib(&["baseline", "write", &baseline, &article], None);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let check = |args: &[&str]| {
        attrib(
            &[
                &[
                    "check",
                    "--format",
                    "concise",
                    "--fail-level",
                    "warning",
                    "--baseline",
                    &baseline,
                ],
                args,
            ]
            .concat(),
            None,
        )
    };
    let out = check(&[&article]);
    assert!(
        out.stdout.is_empty() && out.status.code() == Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    // An edit elsewhere keeps the baseline valid; a new finding is reported.
    std::fs::write(&article, format!("Un nouveau paragraphe en tête.\n\n{NO_SPEAKER}\n« Une autre phrase sans auteur ici. »\n")).unwrap();
    let out = check(&[&article]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(text.lines().count(), 1, "{text}");
    assert_eq!(out.status.code(), Some(1));
    // Fixing the old finding makes its entry stale.
    std::fs::write(
        &article,
        "« Nous partirons demain », a déclaré Marie Durand.\n",
    )
    .unwrap();
    let out = check(&[&article]);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("1 stale baseline entries"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The pre-commit hook's `entry` is a working attrib command line.
#[test]
fn pre_commit_hook_entry_runs() {
    let hooks = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/.pre-commit-hooks.yaml"
    ))
    .unwrap();
    let entry = hooks
        .lines()
        .find_map(|l| l.trim().strip_prefix("entry: "))
        .expect("an entry line");
    let words: Vec<&str> = entry.split_whitespace().collect();
    assert_eq!(words[0], "attrib");
    let d = tempfile::tempdir().unwrap();
    let clean = write(&d, "clean.md", GOOD.as_bytes());
    let dirty = write(&d, "dirty.md", NO_SPEAKER.as_bytes());
    assert_eq!(
        attrib(&[&words[1..], &[clean.as_str()]].concat(), None)
            .status
            .code(),
        Some(0)
    );
    let out = attrib(&[&words[1..], &[dirty.as_str()]].concat(), None);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("quote-without-speaker"));
}

#[test]
fn html_articles_map_positions_to_the_source_and_skip_scripts() {
    let html = "<html><head><script>var q = \"« non\";</script></head>\n<body><h1>Titre</h1>\n<p>Le débat a duré. &laquo;&nbsp;Nous ne céderons rien sur ce point.&nbsp;&raquo;</p>\n<style>p::before { content: \"«\"; }</style></body></html>\n";
    let d = tempfile::tempdir().unwrap();
    let p = write(&d, "a.html", html.as_bytes());
    let out = attrib(&["check", "--format", "concise", &p], None);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(text.lines().count(), 1, "{text}");
    // Line 3, column 21: where `&laquo;` starts in the HTML source (`<p>` and 17 characters).
    assert!(
        text.starts_with(&format!("{p}:3:21: warning quote-without-speaker")),
        "{text}"
    );
}

/// The GitHub Action and the pre-commit hooks are valid YAML with the keys their hosts need.
#[test]
fn action_and_hooks_are_well_formed() {
    use yaml_rust2::YamlLoader;
    let root = env!("CARGO_MANIFEST_DIR");
    let action =
        YamlLoader::load_from_str(&std::fs::read_to_string(format!("{root}/action.yml")).unwrap())
            .unwrap();
    let action = &action[0];
    assert_eq!(action["runs"]["using"].as_str(), Some("composite"));
    let steps = action["runs"]["steps"].as_vec().unwrap();
    assert!(steps.iter().any(|s| {
        s["uses"]
            .as_str()
            .is_some_and(|u| u.starts_with("github/codeql-action/upload-sarif"))
    }));
    let hooks = YamlLoader::load_from_str(
        &std::fs::read_to_string(format!("{root}/.pre-commit-hooks.yaml")).unwrap(),
    )
    .unwrap();
    assert_eq!(hooks[0][0]["id"].as_str(), Some("attrib"));
    assert_eq!(hooks[0][0]["language"].as_str(), Some("rust"));
}

fn git_in(dir: &std::path::Path, args: &[&str]) {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn diff_through_git_handles_changes_additions_and_deletions() {
    let d = tempfile::tempdir().unwrap();
    let repo = d.path();
    git_in(repo, &["init", "-q"]);
    git_in(repo, &["config", "user.email", "t@example.invalid"]);
    git_in(repo, &["config", "user.name", "T"]);
    std::fs::write(
        repo.join("a.md"),
        "« Nous restons déterminés face à la crise », a déclaré Marie Durand.\n",
    )
    .unwrap();
    std::fs::write(
        repo.join("gone.md"),
        "Selon la préfecture, l'incendie a détruit 300 hectares.\n",
    )
    .unwrap();
    std::fs::write(repo.join("notes.rs"), "fn main() {}\n").unwrap();
    git_in(repo, &["add", "."]);
    git_in(repo, &["commit", "-qm", "v1"]);
    std::fs::write(
        repo.join("a.md"),
        "« Nous restons résolus face à la crise », a déclaré Marie Durand.\n",
    )
    .unwrap();
    std::fs::remove_file(repo.join("gone.md")).unwrap();
    std::fs::write(
        repo.join("new.md"),
        "Le préjudice atteint 40 millions d'euros.\n",
    )
    .unwrap();
    git_in(repo, &["add", "."]);
    git_in(repo, &["commit", "-qm", "v2"]);
    let diff = |args: &[&str]| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_attrib"));
        cmd.current_dir(repo)
            .arg("diff")
            .args(args)
            .output()
            .unwrap()
    };
    let out = diff(&["--git", "HEAD~1..HEAD", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let files: Vec<&str> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["new_path"].as_str().unwrap())
        .collect();
    assert_eq!(files, ["a.md", "gone.md", "new.md"]);
    let kinds = |i: usize| -> Vec<String> {
        report["files"][i]["changes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["kind"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(
        kinds(0).contains(&"quote-altered".to_string()),
        "{:?}",
        kinds(0)
    );
    assert!(
        kinds(1).contains(&"attribution-removed".to_string()),
        "{:?}",
        kinds(1)
    );
    assert!(
        kinds(2).contains(&"claim-added-unattributed".to_string()),
        "{:?}",
        kinds(2)
    );
    assert_eq!(out.status.code(), Some(1), "an altered quote fails");
    assert_eq!(
        diff(&["--git", "HEAD~1..HEAD", "--allow-altered-quotes", "a.md"])
            .status
            .code(),
        Some(0)
    );
    // Against the working tree: an uncommitted edit.
    std::fs::write(
        repo.join("a.md"),
        "« Nous restons résolus face à la crise », a dit Paul Roux.\n",
    )
    .unwrap();
    let out = diff(&["--git", "HEAD", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["files"][0]["changes"][0]["kind"], "speaker-changed");
}

#[test]
fn binary_files_met_in_a_walk_are_skipped_with_a_note() {
    let d = tempfile::tempdir().unwrap();
    write(&d, "a.md", GOOD.as_bytes());
    write(&d, "photo.md", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let dir = d.path().display().to_string();
    let out = attrib(&["check", "--format", "concise", &dir], None);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("note: skipped") && stderr.contains("photo.md: binary content"),
        "{stderr}"
    );
}

#[test]
fn a_binary_file_named_on_the_command_line_is_an_error() {
    let d = tempfile::tempdir().unwrap();
    let p = write(&d, "photo.md", b"GIF89a\0\x01\0\x01");
    let out = attrib(&["check", &p], None);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("error:") && stderr.contains("binary content"),
        "{stderr}"
    );
}

#[test]
fn files_over_the_size_limit_are_refused_and_the_rest_checked() {
    let d = tempfile::tempdir().unwrap();
    write(&d, "a.md", NO_SPEAKER.as_bytes());
    let big = "Une phrase sans guillemets. ".repeat(40_000); // about 1.1 MB
    write(&d, "big.md", big.as_bytes());
    let dir = d.path().display().to_string();
    let out = attrib(
        &["check", "--format", "concise", "--max-file-size", "1", &dir],
        None,
    );
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("big.md") && stderr.contains("--max-file-size"),
        "{stderr}"
    );
    assert!(stdout.contains("quote-without-speaker"), "{stdout}");
    // Under the default limit the same file is checked.
    let out = attrib(&["check", "--format", "concise", &dir], None);
    assert_ne!(out.status.code(), Some(2));
}

#[test]
fn diff_and_standard_input_keep_to_the_size_limit() {
    let d = tempfile::tempdir().unwrap();
    let small = write(&d, "small.md", GOOD.as_bytes());
    let big = "Une phrase sans guillemets. ".repeat(40_000); // about 1.1 MB
    let big_path = write(&d, "big.md", big.as_bytes());
    let out = attrib(&["diff", "--max-file-size", "1", &small, &big_path], None);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("big.md") && err.contains("over the limit") && err.contains("--max-file-size"),
        "{err}"
    );
    assert_ne!(
        attrib(&["diff", &small, &big_path], None).status.code(),
        Some(2)
    );
    // Standard input: its size is known only as it is read, which stops at the limit.
    let out = attrib(
        &[
            "check",
            "--max-file-size",
            "1",
            "--stdin-filename",
            "piped.md",
            "-",
        ],
        Some(big.as_bytes()),
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("piped.md: over the limit of 1048576 bytes"),
        "{err}"
    );
    let out = attrib(&["check", "--format", "concise", "-"], Some(big.as_bytes()));
    assert_ne!(out.status.code(), Some(2));
}

#[test]
fn many_files_stream_in_path_order_whatever_the_thread_count() {
    // More files than one window holds (four per thread), of uneven sizes, so that
    // windows finish out of order and the writer still follows the paths.
    let files: Vec<(String, String)> = (0..45)
        .map(|i| {
            let body = format!("{NO_SPEAKER}Selon la mairie, {i} bancs ont été posés.\n\n");
            (
                format!("d{}/f{i:02}.md", i % 3),
                body.repeat(1 + (i * 7) % 13),
            )
        })
        .collect();
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    let d = tree(&refs);
    let dir = d.path().to_str().unwrap();
    for format in ["json", "jsonl", "concise", "human", "sarif"] {
        let run = |jobs: &str| {
            let out = attrib(
                &[
                    "check",
                    "-j",
                    jobs,
                    "--format",
                    format,
                    "--color",
                    "never",
                    "--fail-level",
                    "warning",
                    dir,
                ],
                None,
            );
            assert_eq!(out.status.code(), Some(1), "{format}");
            out.stdout
        };
        let one = run("1");
        assert_eq!(one, run("2"), "{format}: -j 1 and -j 2 differ");
        assert_eq!(one, run("7"), "{format}: -j 1 and -j 7 differ");
    }
    let json = attrib(&["check", "--format", "json", dir], None).stdout;
    let report: serde_json::Value = serde_json::from_slice(&json).unwrap();
    let paths: Vec<&str> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths.len(), 45);
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted);
}

#[test]
fn diff_refuses_binary_files_and_directories_like_check() {
    let d = tempfile::tempdir().unwrap();
    let good = write(&d, "good.md", GOOD.as_bytes());
    let binary = write(&d, "scan.md", b"\"\"\"\0\0\0\"\"\"");
    let dir = d.path().to_str().unwrap().to_string();
    for (other, says) in [
        (&binary, "scan.md: binary content"),
        (&dir, "is a directory"),
    ] {
        let out = attrib(&["diff", &good, other], None);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(err.contains(says), "{err}");
    }
    let same = attrib(&["diff", &good, &good], None);
    assert_eq!(same.status.code(), Some(0));
}

#[test]
fn diff_through_git_refuses_a_binary_revision() {
    let d = tempfile::tempdir().unwrap();
    let repo = d.path();
    git_in(repo, &["init", "-q"]);
    git_in(repo, &["config", "user.email", "t@example.invalid"]);
    git_in(repo, &["config", "user.name", "T"]);
    std::fs::write(repo.join("a.md"), GOOD).unwrap();
    git_in(repo, &["add", "."]);
    git_in(repo, &["commit", "-qm", "v1"]);
    std::fs::write(repo.join("a.md"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_attrib"))
        .current_dir(repo)
        .args(["diff", "--git", "HEAD"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("a.md (working tree): binary content"), "{err}");
}
