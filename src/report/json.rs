//! JSON: the whole report model, pretty-printed (schema in `docs/JSON.md`).
use std::io::{self, Write};

use super::{Render, Report, Style};

pub struct Json;

impl Render for Json {
    fn render(&self, report: &Report, _style: Style, out: &mut dyn Write) -> io::Result<()> {
        serde_json::to_writer_pretty(&mut *out, report).map_err(io::Error::from)?;
        writeln!(out)
    }
}
