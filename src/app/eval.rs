//! `hedge eval …`: the accuracy measures against gold data, each printed as text or JSON.

use std::io::{self, Write};

use crate::cli::{EvalCommand, EvalFormat, EvalLexicon};

use super::setup::{load_rules, load_run_lexicon};
use crate::report;

pub(super) fn run_eval(cmd: EvalCommand, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<u8> {
    match cmd {
        EvalCommand::Ud { files, corrections, verbose, format } => {
            let morph = crate::lexicon::morphology::Morphology::embedded();
            let result = corrections
                .as_deref()
                .map(crate::eval::conllu::read_corrections)
                .transpose()
                .and_then(|c| crate::eval::ud::eval_ud(&files, &c.unwrap_or_default(), morph));
            print_eval(result, format, out, err, |r, out| {
                writeln!(out, "Conditional-mood words: predicted spans vs gold Mood=Cnd (exact span match)")?;
                writeln!(out, "{:<34} {:>9} {:>5} {:>4} {:>4} {:>9} {:>9} {:>9}", "file", "gold", "tp", "fp", "fn", "precision", "recall", "f1")?;
                for f in &r.files {
                    prf_row(out, &f.file, f.gold, &f.scores)?;
                }
                prf_row(out, "overall", r.gold, &r.overall)?;
                writeln!(out, "gold corrections applied: {}", r.corrections_applied)?;
                if verbose {
                    for e in &r.errors {
                        writeln!(out, "{} {} {} {:?}: {}", e.kind, e.file, e.sent_id, e.word, e.text)?;
                    }
                }
                Ok(())
            })
        }
        EvalCommand::Verbs { files, verbose, lexicon: EvalLexicon { lexicons, rules, format } } => {
            let Some(lex) = load_run_lexicon(&lexicons, &rules, report::Lang::from_env(), err)? else { return Ok(1) };
            print_eval(crate::eval::verbs::eval_verbs(&files, &lex), format, out, err, |r, out| write!(out, "{}", r.render(verbose)))
        }
        EvalCommand::Gold { file, articles, verbose, lexicon: EvalLexicon { lexicons, rules, format } } => {
            let Some(lex) = load_run_lexicon(&lexicons, &rules, report::Lang::from_env(), err)? else { return Ok(1) };
            print_eval(crate::eval::gold::eval_gold_in(&file, &articles, &lex), format, out, err, |r, out| write!(out, "{}", r.render(verbose)))
        }
        EvalCommand::Genre { labels, dir, verbose, lexicon: EvalLexicon { lexicons, rules, format } } => {
            let Some(lex) = load_run_lexicon(&lexicons, &rules, report::Lang::from_env(), err)? else { return Ok(1) };
            print_eval(crate::eval::genre::eval_genre(&labels, &dir, &lex), format, out, err, |r, out| write!(out, "{}", r.render(verbose)))
        }
        EvalCommand::Quotes { dir, verbose, lexicon: EvalLexicon { lexicons, rules, format } } => {
            let Some(lex) = load_run_lexicon(&lexicons, &rules, report::Lang::from_env(), err)? else { return Ok(1) };
            print_eval(crate::eval::quotes::eval_quotes(&dir, &lex), format, out, err, |r, out| write!(out, "{}", r.render(verbose)))
        }
        EvalCommand::Pages { expectations, dir, verbose, lexicon: EvalLexicon { lexicons, rules, format } } => {
            let Some(lex) = load_run_lexicon(&lexicons, &rules, report::Lang::from_env(), err)? else { return Ok(1) };
            print_eval(crate::eval::pages::eval_pages(&expectations, &dir, &lex), format, out, err, |r, out| write!(out, "{}", r.render(verbose)))
        }
        EvalCommand::Attribution { file, ud, verbose, lexicon: EvalLexicon { lexicons, rules, format } } => {
            let Some(lex) = load_run_lexicon(&lexicons, &rules, report::Lang::from_env(), err)? else { return Ok(1) };
            let result = crate::eval::attribution::eval_attribution(&file, &ud, &lex);
            print_eval(result, format, out, err, |r, out| {
                writeln!(out, "Attribution recall on the ASFALDA occurrences (cue matched and sentence ATTRIBUTED)")?;
                writeln!(out, "{:<34} {:>6} {:>12} {:>11} {:>6} {:>9}", "occurrences", "n", "cue matched", "attributed", "found", "recall")?;
                let row = |out: &mut dyn Write, name: &str, g: &crate::eval::attribution::GroupScore| {
                    writeln!(out, "{:<34} {:>6} {:>12} {:>11} {:>6} {:>9.4}", name, g.n, g.cue_matched, g.sentence_attributed, g.found, g.recall)
                };
                for (g, s) in r.groups.iter().filter(|(g, _)| **g != crate::eval::attribution::Group::OwnVoice) {
                    row(out, g.name(), s)?;
                }
                row(out, "overall (third-party sources)", &r.overall)?;
                if let Some(s) = r.groups.get(&crate::eval::attribution::Group::OwnVoice) {
                    writeln!(
                        out,
                        "first-person speakers (je/nous/moi…, the writer's own voice; right answer: not ATTRIBUTED): {} of {} right",
                        s.found, s.n
                    )?;
                }
                writeln!(out, "annotation sets read: {}; kept occurrences not aligned with UD text (skipped): {}", r.annotation_sets, r.skipped)?;
                writeln!(out, "ASFALDA is not exhaustive: this is recall on its annotated occurrences, not over all text.")?;
                if verbose {
                    for m in &r.misses {
                        let why = match (m.group, m.cue_matched) {
                            (crate::eval::attribution::Group::OwnVoice, _) => "first person, yet ATTRIBUTED".to_string(),
                            (_, true) => format!("sentence {}", m.label.as_str()),
                            (_, false) => "no attribution cue".to_string(),
                        };
                        writeln!(out, "miss {} {} {:?} ({}): {}", m.sent_id, m.frame, m.target, why, m.text)?;
                    }
                }
                Ok(())
            })
        }
        EvalCommand::Facts { file, verbose, params, lexicon: EvalLexicon { lexicons, rules, format } } => {
            let Some(lex) = load_run_lexicon(&lexicons, &rules, report::Lang::from_env(), err)? else { return Ok(1) };
            let d = crate::facts::Params::default();
            let on = |n, default: bool| !params.without.contains(&n) && (default || params.with.contains(&n));
            let p = crate::facts::Params {
                link: params.link,
                min_shared: params.min_shared,
                merge: params.merge,
                prefix: params.prefix,
                number_boost: params.number_boost,
                acronyms: on(crate::cli::FactNormalisation::Acronyms, d.acronyms),
                ranges: on(crate::cli::FactNormalisation::Ranges, d.ranges),
                attach: params.attach,
                attach_floor: params.attach_floor,
                overlap: params.overlap,
                lemmas: on(crate::cli::FactNormalisation::Lemmas, d.lemmas),
                nominalisations: on(crate::cli::FactNormalisation::Nominalisations, d.nominalisations),
                spellings: on(crate::cli::FactNormalisation::Spellings, d.spellings),
                ..Default::default()
            };
            print_eval(crate::eval::facts::eval_facts(&file, &lex, &p), format, out, err, |r, out| write!(out, "{}", r.render(verbose)))
        }
        EvalCommand::Sources { file, verbose, lexicon: EvalLexicon { lexicons, rules, format } } => {
            let Some(lex) = load_run_lexicon(&lexicons, &rules, report::Lang::from_env(), err)? else { return Ok(1) };
            print_eval(crate::eval::sources::eval_sources(&file, &lex), format, out, err, |r, out| write!(out, "{}", r.render(verbose)))
        }
        EvalCommand::Readings { file, articles, half, verbose, rule, rules, format } => {
            let Some(rules) = load_rules(&rules, err)? else { return Ok(1) };
            print_eval(crate::eval::readings::eval_readings_with(&file, &articles, half.as_deref(), &rules), format, out, err, |r, out| match &rule {
                Some(name) => write!(out, "{}", r.render_rule(name)),
                None => write!(out, "{}", r.render(verbose)),
            })
        }
        EvalCommand::Segment { files, prefix, verbose, rules, format } => {
            let Some(rules) = load_rules(&rules, err)? else { return Ok(1) };
            let result = crate::eval::segment::eval_segment_with(&files, prefix.as_deref(), &rules.segmentation);
            print_eval(result, format, out, err, |r, out| {
                writeln!(
                    out,
                    "Sentence boundaries: gold sentences joined by one space, {} at a time{}",
                    r.group_size,
                    prefix.as_deref().map(|p| format!(", sent_id prefix {p:?}")).unwrap_or_default()
                )?;
                writeln!(
                    out,
                    "{:<34} {:>9} {:>5} {:>4} {:>4} {:>9} {:>9} {:>9}",
                    "file", "sentences", "tp", "fp", "fn", "precision", "recall", "f1"
                )?;
                for f in &r.files {
                    prf_row(out, f.file.rsplit('/').next().unwrap_or(&f.file), f.sentences, &f.scores)?;
                }
                prf_row(out, "overall", r.files.iter().map(|f| f.sentences).sum(), &r.overall)?;
                if verbose {
                    for e in &r.errors {
                        writeln!(out, "{:?} {} {}: {}", e.kind, e.file, e.sent_id, e.context)?;
                    }
                }
                Ok(())
            })
        }
    }
}

/// Prints an evaluation: its error, or JSON, or the text `as_text` writes.
pub(super) fn print_eval<T: serde::Serialize>(
    result: Result<T, String>,
    format: EvalFormat,
    out: &mut dyn Write,
    err: &mut dyn Write,
    as_text: impl FnOnce(&T, &mut dyn Write) -> io::Result<()>,
) -> io::Result<u8> {
    let r = match result {
        Ok(r) => r,
        Err(e) => {
            writeln!(err, "hedge: {e}")?;
            return Ok(1);
        }
    };
    match format {
        EvalFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &r).map_err(io::Error::from)?;
            writeln!(out)?;
        }
        EvalFormat::Text => as_text(&r, out)?,
    }
    Ok(0)
}

/// One row of an evaluation table.
pub(super) fn prf_row(out: &mut dyn Write, name: &str, n: usize, s: &crate::eval::Prf) -> io::Result<()> {
    writeln!(out, "{:<34} {:>9} {:>5} {:>4} {:>4} {:>9.4} {:>9.4} {:>9.4}", name, n, s.tp, s.fp, s.fn_, s.precision, s.recall, s.f1)
}
