//! `hedge lexicon …`: browse the marker lexicons, check lexicon and rule files.

use std::io::{self, Write};

use crate::cli::LexiconCommand;
use crate::lexicon::{Lexicon, LexiconError};

use super::setup::load_lexicon;

pub(super) fn run_lexicon(cmd: LexiconCommand, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<u8> {
    match cmd {
        LexiconCommand::List { category, lexicons } => {
            let Some(lex) = load_lexicon(&lexicons, err)? else { return Ok(1) };
            if let Some(c) = &category {
                if !["attribution", "hedge", "booster"].contains(&c.as_str()) {
                    writeln!(err, "hedge: unknown category {c:?} (expected attribution, hedge or booster)")?;
                    return Ok(2);
                }
            }
            let mut t = comfy_table::Table::new();
            t.load_style(comfy_table::presets::UTF8_FULL_CONDENSED);
            t.force_no_tty();
            t.set_header(vec!["id", "category", "grade", "weight", "family"]);
            let mut n = 0;
            for e in lex.entries.iter().filter(|e| category.as_deref().is_none_or(|c| e.category.as_str() == c)) {
                t.add_row(vec![
                    e.id.clone(),
                    e.category.as_str().to_string(),
                    e.grade.clone().unwrap_or_default(),
                    format!("{:+}", e.weight),
                    lex.family_of(e).label.clone(),
                ]);
                n += 1;
            }
            writeln!(out, "{t}")?;
            writeln!(out, "{n} entries. Details: hedge lexicon show ID")?;
            Ok(0)
        }
        LexiconCommand::Show { id, lexicons } => {
            let Some(lex) = load_lexicon(&lexicons, err)? else { return Ok(1) };
            let Some(e) = lex.entry(&id) else {
                let close: Vec<&str> =
                    lex.entries.iter().map(|e| e.id.as_str()).filter(|x| x.contains(id.rsplit('.').next().unwrap_or(&id))).take(5).collect();
                write!(err, "hedge: no lexicon entry {id:?}")?;
                if !close.is_empty() {
                    write!(err, " (did you mean: {}?)", close.join(", "))?;
                }
                writeln!(err, "; list them with `hedge lexicon list`")?;
                return Ok(1);
            };
            let f = lex.family_of(e);
            writeln!(out, "{}", e.id)?;
            writeln!(out, "  family:   {} ({}) — {}", f.id, f.label, f.explain)?;
            writeln!(out, "  category: {}", e.category.as_str())?;
            if let Some(g) = &e.grade {
                writeln!(out, "  grade:    {g}")?;
            }
            writeln!(out, "  weight:   {:+}", e.weight)?;
            writeln!(out, "  explain:  {}", e.explain)?;
            match &e.rule {
                crate::lexicon::Rule::Patterns(p) => writeln!(out, "  patterns: {}", p.join(" | "))?,
                crate::lexicon::Rule::Forms(p) => writeln!(out, "  forms:    {}", p.join(", "))?,
                crate::lexicon::Rule::Lemmas { lemmas, include_infinitive, followed_by } => {
                    let inf = if *include_infinitive { ", the infinitive" } else { "" };
                    writeln!(out, "  lemmas:   {} (all their conjugated forms and participles{inf})", lemmas.join(", "))?;
                    if !followed_by.is_empty() {
                        writeln!(out, "  followed by: {} (the verb counts only with one of these right after it)", followed_by.join(" | "))?;
                    }
                }
                crate::lexicon::Rule::Conditional => {
                    writeln!(out, "  words:    every conditional-mood form of every verb ({} forms in the table)", lex.morphology.len())?
                }
            }
            if !e.needs_after.is_empty() {
                let window = crate::matcher::NEEDS_AFTER_WINDOW;
                writeln!(out, "  needs after: {} (later in the verb's clause, within {window} words)", e.needs_after.join(" | "))?;
            }
            if !e.exceptions.is_empty() {
                writeln!(out, "  except:   {}", e.exceptions.join(" | "))?;
            }
            for x in &e.examples {
                writeln!(out, "  example:  {x}")?;
            }
            for x in &e.counterexamples {
                writeln!(out, "  not:      {x}")?;
            }
            writeln!(out, "  defined:  {}", e.location)?;
            Ok(0)
        }
        LexiconCommand::Check { paths } => {
            // Engine rule files (given, or found in a given directory) are checked by their loaders.
            let mut rule_files = Vec::new();
            let mut marker_paths = Vec::new();
            for p in &paths {
                if p.is_dir() {
                    let mut files = Vec::new();
                    if crate::lexicon::toml_files(p, &mut files).is_ok() {
                        rule_files.extend(files.into_iter().filter(|f| crate::rules::is_rule_file(f)));
                    }
                    marker_paths.push(p.clone());
                } else if crate::rules::is_rule_file(p) {
                    rule_files.push(p.clone());
                } else {
                    marker_paths.push(p.clone());
                }
            }
            let mut rule_problems = 0;
            for f in &rule_files {
                if let Err(e) = crate::rules::Rules::check_file(f) {
                    writeln!(err, "{e}")?;
                    rule_problems += 1;
                }
            }
            if !rule_files.is_empty() {
                writeln!(
                    out,
                    "{}: {} engine rule file(s) read, {rule_problems} with problems",
                    if rule_problems == 0 { "ok" } else { "error" },
                    rule_files.len()
                )?;
            }
            if marker_paths.is_empty() {
                return Ok(u8::from(rule_problems > 0));
            }
            // Each path is read and built on its own first, so that one broken file does not
            // hide the problems of the others; the files that load are then checked together.
            let mut unloadable = 0;
            let mut sources = Vec::new();
            for p in &marker_paths {
                match Lexicon::read_sources(std::slice::from_ref(p)) {
                    Ok(s) => match Lexicon::build(&s) {
                        Ok(_) => sources.extend(s),
                        Err(e) => {
                            writeln!(err, "{e}")?;
                            unloadable += 1;
                        }
                    },
                    Err(e) => {
                        writeln!(err, "hedge: {e}")?;
                        unloadable += 1;
                    }
                }
            }
            if sources.is_empty() {
                return Ok(1);
            }
            if unloadable > 0 {
                writeln!(out, "error: {unloadable} of {} path(s) could not be loaded (see above); the others are checked below", marker_paths.len())?;
            }
            let lex = match Lexicon::build(&sources) {
                Ok(l) => l,
                Err(e) => {
                    writeln!(err, "{e}")?;
                    return Ok(1);
                }
            };
            let files: Vec<&str> = sources.iter().map(|s| s.name.as_str()).collect();
            let problems: Vec<LexiconError> = crate::check::check_examples(&lex, |e| files.contains(&e.location.file.as_str()));
            for p in &problems {
                writeln!(err, "{p}")?;
            }
            let n = lex.entries.iter().filter(|e| files.contains(&e.location.file.as_str())).count();
            if problems.is_empty() {
                writeln!(out, "ok: {n} entries in {} file(s), every example found and no counterexample matched", files.len())?;
                Ok(u8::from(rule_problems > 0 || unloadable > 0))
            } else {
                writeln!(out, "{} problem(s) in {n} entries", problems.len())?;
                Ok(1)
            }
        }
    }
}
