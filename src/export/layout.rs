//! A small page layout engine: flows headings, paragraphs, key–value blocks, tables (header row
//! repeated after a page break), images and QR codes onto A4/A3 pages, then adds the footer
//! ("第 X 页 共 Y 页" and the fingerprint line) once the page count is known, and a watermark on
//! drafts. Output is a list of positioned drawing primitives in PDF points (origin bottom left);
//! `pdf` turns them into PDF bytes.

use super::error::{ExportError, Result};
use crate::font::{fonts, Fonts};
use super::linebreak::break_lines;

pub const MM: f32 = 72.0 / 25.4;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paper {
    A4,
    A3,
}

impl Paper {
    /// Width and height in pt (portrait).
    pub fn size(self) -> (f32, f32) {
        match self {
            Paper::A4 => (210.0 * MM, 297.0 * MM),
            Paper::A3 => (297.0 * MM, 420.0 * MM),
        }
    }
    pub fn parse(s: &str) -> Option<Paper> {
        match s.to_ascii_lowercase().as_str() {
            "a4" => Some(Paper::A4),
            "a3" => Some(Paper::A3),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Align {
    Left,
    Center,
    Right,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Style {
    /// Font size in pt.
    pub size: f32,
    /// 0.0 black … 1.0 white.
    pub grey: f32,
    pub bold: bool,
    pub align: Align,
    /// Line height as a multiple of the size.
    pub leading: f32,
    /// First-line indent in em.
    pub indent: f32,
    /// Space after the block, in pt.
    pub after: f32,
}

impl Style {
    pub fn body(size: f32) -> Style {
        Style { size, grey: 0.0, bold: false, align: Align::Left, leading: 1.55, indent: 0.0, after: size * 0.4 }
    }
    pub fn bold(mut self) -> Style {
        self.bold = true;
        self
    }
    pub fn center(mut self) -> Style {
        self.align = Align::Center;
        self
    }
    pub fn right(mut self) -> Style {
        self.align = Align::Right;
        self
    }
    pub fn grey(mut self, g: f32) -> Style {
        self.grey = g;
        self
    }
    pub fn indent(mut self, em: f32) -> Style {
        self.indent = em;
        self
    }
    pub fn after(mut self, pt: f32) -> Style {
        self.after = pt;
        self
    }
    pub fn leading(mut self, leading: f32) -> Style {
        self.leading = leading;
        self
    }
}

/// One positioned drawing primitive.
#[derive(Debug, Clone, PartialEq)]
pub enum Draw {
    /// Text with its baseline starting at (x, y).
    Text { x: f32, y: f32, size: f32, grey: f32, bold: bool, text: String },
    /// Text rotated by `angle` degrees (counter-clockwise) about its start point, drawn as the
    /// outlines of its glyphs: seen, not extracted as text (the draft watermark).
    Outlined { x: f32, y: f32, size: f32, grey: f32, angle: f32, text: String },
    Rect { x: f32, y: f32, w: f32, h: f32, fill: Option<f32>, stroke: Option<(f32, f32)> },
    Line { x1: f32, y1: f32, x2: f32, y2: f32, width: f32, grey: f32 },
    Image { index: usize, x: f32, y: f32, w: f32, h: f32 },
    /// Black modules of a QR code on a grid of `module` pt whose top left corner is at (x, y):
    /// one `[column, row, length]` per horizontal run of dark modules, rows counted from the top.
    /// Drawn in grid units (integers) under one transformation: exact and a few bytes per run.
    Modules { x: f32, y: f32, module: f32, rows: u32, runs: Vec<[u32; 3]> },
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub draws: Vec<Draw>,
}

/// A greyscale raster (signature), already flattened onto white.
#[derive(Debug, Clone, PartialEq)]
pub struct Raster {
    pub width: usize,
    pub height: usize,
    pub grey: Vec<u8>,
}

#[derive(Debug, Clone)]
pub enum Cell {
    Text(String),
    /// An image from `Doc::add_png`, drawn at most `h_mm` high, fitted into the cell.
    Image { index: usize, h_mm: f32 },
    /// An empty cell at least `h_mm` high (room for a wet signature).
    Blank { h_mm: f32 },
}

#[derive(Debug, Clone)]
pub struct Column {
    pub title: String,
    /// Relative width.
    pub weight: f32,
    pub align: Align,
}

pub fn col(title: &str, weight: f32) -> Column {
    Column { title: title.to_string(), weight, align: Align::Left }
}

#[derive(Debug, Clone)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
    pub size: f32,
    /// Where the table's text comes from, for a missing-glyph error ("参会人员 / attendance").
    pub place: String,
}

/// Page furniture added after layout, when the page count is known.
#[derive(Debug, Clone)]
pub struct Furniture {
    /// Small line at the top of every page (document title).
    pub running_head: Option<String>,
    /// Fingerprint line at the bottom of every page.
    pub footer_line: String,
    /// Page label template with `{x}` and `{y}`: "第 {x} 页 共 {y} 页".
    pub page_label: String,
    /// Diagonal watermark on every page (drafts).
    pub watermark: Option<String>,
}

pub struct Doc {
    pub paper: Paper,
    /// top, right, bottom, left, in pt
    margin: [f32; 4],
    pages: Vec<Page>,
    y: f32,
    rasters: Vec<Raster>,
    fonts: Fonts,
    place: String,
}

const HEAD_ROOM: f32 = 14.0; // running head band
const FOOT_ROOM: f32 = 30.0; // footer band (two small lines)
/// Line height of the note beside a lead line, as a multiple of its size.
const LEAD_NOTE_LEADING: f32 = 1.2;

impl Doc {
    pub fn new(paper: Paper, margins_mm: [f32; 4]) -> Doc {
        let mut d = Doc {
            paper,
            margin: margins_mm.map(|m| m * MM),
            pages: Vec::new(),
            y: 0.0,
            rasters: Vec::new(),
            fonts: fonts(),
            place: String::new(),
        };
        d.new_page();
        d
    }

    /// Where the next text comes from, named in a missing-glyph error.
    pub fn place(&mut self, place: impl Into<String>) -> &mut Self {
        self.place = place.into();
        self
    }

    pub fn left(&self) -> f32 {
        self.margin[3]
    }
    pub fn right(&self) -> f32 {
        self.paper.size().0 - self.margin[1]
    }
    pub fn width(&self) -> f32 {
        self.right() - self.left()
    }
    fn top(&self) -> f32 {
        self.paper.size().1 - self.margin[0] - HEAD_ROOM
    }
    fn bottom(&self) -> f32 {
        self.margin[2] + FOOT_ROOM
    }
    /// Room left on the current page, in pt.
    pub fn room(&self) -> f32 {
        self.y - self.bottom()
    }
    pub fn page_count(&self) -> usize {
        self.pages.len()
    }

    pub fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = self.top();
    }

    fn at_top(&self) -> bool {
        (self.y - self.top()).abs() < 0.01
    }

    /// Starts a new page unless `h` pt still fit on this one.
    pub fn ensure(&mut self, h: f32) {
        if self.y - h < self.bottom() - 0.01 && !self.at_top() {
            self.new_page();
        }
    }

    pub fn space(&mut self, pt: f32) {
        self.y -= pt;
        if self.y < self.bottom() {
            self.new_page();
        }
    }

    fn draw(&mut self, d: Draw) {
        self.pages.last_mut().expect("a page").draws.push(d);
    }

    pub fn check(&self, text: &str) -> Result<()> {
        self.fonts.check(text, &self.place)
    }

    /// Lines of `text` (paragraphs split at `\n`) broken to `width` pt at `size`.
    pub fn wrap(&self, text: &str, width: f32, size: f32, indent_em: f32) -> Vec<String> {
        let f = self.fonts;
        let measure = |c: char| f.advance(c) * size;
        let mut out = Vec::new();
        for para in text.split('\n') {
            if indent_em > 0.0 {
                // indent only the first line: break the first line narrower, then the rest
                let first = break_lines(para, width - indent_em * size, &measure);
                let head = first[0].clone();
                out.push(format!("{}{}", "\u{3000}".repeat(indent_em.round() as usize), head));
                let rest: String = para.chars().skip(head.chars().count()).collect();
                let rest = rest.trim_start();
                if !rest.is_empty() {
                    out.extend(break_lines(rest, width, &measure));
                }
            } else {
                out.extend(break_lines(para, width, &measure));
            }
        }
        out
    }

    fn text_x(&self, line: &str, x0: f32, width: f32, size: f32, align: Align) -> f32 {
        match align {
            Align::Left => x0,
            Align::Center => x0 + (width - self.fonts.width(line, size)) / 2.0,
            Align::Right => x0 + width - self.fonts.width(line, size),
        }
    }

    /// Baseline of a line whose box of height `lh` starts at `top`.
    fn baseline(top: f32, size: f32, lh: f32) -> f32 {
        top - (lh - size) / 2.0 - 0.88 * size
    }

    /// A paragraph (or several, split at `\n`) across the full width.
    pub fn paragraph(&mut self, text: &str, style: &Style) -> Result<()> {
        self.check(text)?;
        let (x0, w) = (self.left(), self.width());
        let lh = style.size * style.leading;
        for line in self.wrap(text, w, style.size, style.indent) {
            self.ensure(lh);
            let x = self.text_x(&line, x0, w, style.size, style.align);
            let y = Self::baseline(self.y, style.size, lh);
            if !line.is_empty() {
                self.draw(Draw::Text { x, y, size: style.size, grey: style.grey, bold: style.bold, text: line });
            }
            self.y -= lh;
        }
        self.y -= style.after;
        Ok(())
    }

    /// A heading kept with at least `keep` pt of what follows.
    pub fn heading(&mut self, text: &str, style: &Style, keep: f32) -> Result<()> {
        self.ensure(style.size * style.leading + keep);
        self.paragraph(text, style)
    }

    /// (note lines, beside?, height) of a lead line.
    fn lead_lines(&self, big: &str, style: &Style, note: &str, note_size: f32) -> (Vec<String>, bool, f32) {
        let big_lh = style.size * style.leading;
        let note_lh = note_size * LEAD_NOTE_LEADING;
        let room = self.width() - self.fonts.width(big, style.size) - style.size * 0.5;
        if note.is_empty() {
            return (Vec::new(), true, big_lh);
        }
        if room >= note_size * 8.0 {
            let lines = self.wrap_clauses(note, room, note_size);
            let h = big_lh.max(lines.len() as f32 * note_lh);
            (lines, true, h)
        } else {
            let lines = self.wrap_clauses(note, self.width(), note_size);
            let h = big_lh + lines.len() as f32 * note_lh;
            (lines, false, h)
        }
    }

    /// Lines of a short list of clauses ("同意 15 票，反对 3 票，…") broken after a comma where
    /// one fits, so that a count is not split from its unit; a clause wider than the line is
    /// broken as usual; `\n` starts a new line.
    fn wrap_clauses(&self, text: &str, width: f32, size: f32) -> Vec<String> {
        text.split('\n').flat_map(|para| self.wrap_clauses_1(para, width, size)).collect()
    }

    fn wrap_clauses_1(&self, text: &str, width: f32, size: f32) -> Vec<String> {
        if text.contains(super::linebreak::KEEP) {
            return self.wrap(text, width, size, 0.0);
        }
        let mut clauses: Vec<String> = Vec::new();
        let mut cur = String::new();
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            cur.push(c);
            let after_comma = c == '，' || c == '；' || (matches!(c, ',' | ';') && chars.peek() == Some(&' '));
            if after_comma {
                if let Some(' ') = chars.peek() {
                    chars.next();
                    cur.push(' ');
                }
                clauses.push(std::mem::take(&mut cur));
            }
        }
        if !cur.is_empty() {
            clauses.push(cur);
        }
        let mut out: Vec<String> = Vec::new();
        let mut line = String::new();
        for clause in clauses {
            let joined = format!("{line}{clause}");
            if self.fonts.width(joined.trim_end(), size) <= width {
                line = joined;
                continue;
            }
            if !line.is_empty() {
                out.push(line.trim_end().to_string());
            }
            if self.fonts.width(clause.trim_end(), size) <= width {
                line = clause;
            } else {
                let mut parts = self.wrap(clause.trim_end(), width, size, 0.0);
                line = parts.pop().unwrap_or_default();
                out.extend(parts);
            }
        }
        if !line.trim_end().is_empty() {
            out.push(line.trim_end().to_string());
        }
        out
    }

    /// One line of large text — a result such as "通过" — with a note in a smaller size beside it
    /// (the tally), wrapped in the room to its right, or below it when that room is too narrow.
    /// One line of the note shares the large text's baseline; more lines are centred on it.
    pub fn lead(&mut self, big: &str, style: &Style, note: &str, note_size: f32) -> Result<()> {
        self.check(big)?;
        self.check(note)?;
        if self.fonts.width(big, style.size) > self.width() {
            // too long for one line: the large text as a paragraph, the note after it
            self.paragraph(big, &style.clone().after(0.0))?;
            if !note.is_empty() {
                self.paragraph(note, &Style::body(note_size).leading(LEAD_NOTE_LEADING).after(0.0))?;
            }
            self.y -= style.after;
            return Ok(());
        }
        let (lines, beside, h) = self.lead_lines(big, style, note, note_size);
        self.ensure(h);
        let top = self.y;
        let big_lh = style.size * style.leading;
        let note_lh = note_size * LEAD_NOTE_LEADING;
        let x0 = self.left();
        let big_top = if beside { top - (h - big_lh) / 2.0 } else { top };
        let by = Self::baseline(big_top, style.size, big_lh);
        self.draw(Draw::Text { x: x0, y: by, size: style.size, grey: style.grey, bold: style.bold, text: big.to_string() });
        if beside {
            let x = x0 + self.fonts.width(big, style.size) + style.size * 0.5;
            let n = lines.len() as f32;
            for (i, line) in lines.into_iter().enumerate() {
                let y = if n <= 1.0 {
                    by
                } else {
                    Self::baseline(top - (h - n * note_lh) / 2.0 - i as f32 * note_lh, note_size, note_lh)
                };
                self.draw(Draw::Text { x, y, size: note_size, grey: 0.0, bold: false, text: line });
            }
        } else {
            for (i, line) in lines.into_iter().enumerate() {
                let y = Self::baseline(top - big_lh - i as f32 * note_lh, note_size, note_lh);
                self.draw(Draw::Text { x: x0, y, size: note_size, grey: 0.0, bold: false, text: line });
            }
        }
        self.y -= h + style.after;
        Ok(())
    }

    /// Label–value rows; the label column is `label_mm` wide; a long value wraps and may run on
    /// to the next page line by line.
    pub fn key_values(&mut self, rows: &[(String, String)], label_mm: f32, size: f32) -> Result<()> {
        self.key_values_leading(rows, label_mm, size, 1.5)
    }

    /// [`Doc::key_values`] with lines `leading` × `size` apart.
    pub fn key_values_leading(&mut self, rows: &[(String, String)], label_mm: f32, size: f32, leading: f32) -> Result<()> {
        let lh = size * leading;
        let (x0, w) = (self.left(), self.width());
        // the label column grows to fit the longest label (up to a third of the width)
        let longest = rows.iter().map(|(l, _)| self.fonts.width(l, size)).fold(0.0f32, f32::max);
        let lw = (label_mm * MM).max(longest + size * 0.8).min(w / 3.0);
        let place = self.place.clone();
        for (label, value) in rows {
            self.fonts.check(label, &place)?;
            self.fonts.check(value, &format!("{place}「{label}」"))?;
            let lines = self.wrap(value, w - lw, size, 0.0);
            // a label longer than its column wraps inside it rather than running into the value
            let labels = self.wrap(label, lw - size * 0.6, size, 0.0);
            let n = lines.len().max(labels.len());
            // keep a short row (up to 3 lines) on one page
            if n <= 3 {
                self.ensure(lh * n as f32);
            }
            for i in 0..n {
                self.ensure(lh);
                let y = Self::baseline(self.y, size, lh);
                if let Some(l) = labels.get(i).filter(|l| !l.is_empty()) {
                    self.draw(Draw::Text { x: x0, y, size, grey: 0.3, bold: false, text: l.clone() });
                }
                if let Some(line) = lines.get(i).filter(|l| !l.is_empty()) {
                    self.draw(Draw::Text { x: x0 + lw, y, size, grey: 0.0, bold: false, text: line.clone() });
                }
                self.y -= lh;
            }
        }
        self.y -= size * 0.4;
        Ok(())
    }

    /// A horizontal rule across the text width.
    pub fn rule(&mut self, width: f32, grey: f32) {
        self.ensure(6.0);
        self.y -= 3.0;
        let (x1, x2, y) = (self.left(), self.right(), self.y);
        self.draw(Draw::Line { x1, y1: y, x2, y2: y, width, grey });
        self.y -= 5.0;
    }

    /// Decodes a PNG (or any format printpdf's `png` feature reads) into a greyscale raster on
    /// white, scaled down to at most `max_px` wide, and keeps it for drawing.
    pub fn add_png(&mut self, bytes: &[u8], max_px: usize) -> Result<usize> {
        let raster = to_grey(bytes, max_px).map_err(|reason| ExportError::BadImage { place: self.place.clone(), reason })?;
        self.rasters.push(raster);
        Ok(self.rasters.len() - 1)
    }

    pub fn raster(&self, index: usize) -> &Raster {
        &self.rasters[index]
    }

    /// An image block of at most `w_mm` × `h_mm`, aspect kept.
    pub fn image(&mut self, index: usize, w_mm: f32, h_mm: f32, align: Align) {
        let r = &self.rasters[index];
        let (w, h) = fit(r.width as f32, r.height as f32, w_mm * MM, h_mm * MM);
        self.ensure(h);
        let x = match align {
            Align::Left => self.left(),
            Align::Center => self.left() + (self.width() - w) / 2.0,
            Align::Right => self.right() - w,
        };
        let y = self.y - h;
        self.draw(Draw::Image { index, x, y, w, h });
        self.y -= h + 4.0;
    }

    /// A table; the header row is drawn again at the top of every page the table runs onto.
    pub fn table(&mut self, t: &Table) -> Result<()> {
        let size = t.size;
        let lh = size * 1.45;
        let pad_x = 3.0;
        let pad_y = 2.5;
        let total: f32 = t.columns.iter().map(|c| c.weight).sum();
        let x0 = self.left();
        let widths: Vec<f32> = t.columns.iter().map(|c| c.weight / total * self.width()).collect();
        let mut xs = vec![x0];
        for w in &widths {
            xs.push(xs.last().unwrap() + w);
        }

        // header
        for c in &t.columns {
            self.fonts.check(&c.title, &format!("{}（表头）", t.place))?;
        }
        let head_lines: Vec<Vec<String>> =
            t.columns.iter().zip(&widths).map(|(c, w)| self.wrap(&c.title, w - 2.0 * pad_x, size, 0.0)).collect();
        let head_h = head_lines.iter().map(|l| l.len()).max().unwrap_or(1) as f32 * lh + 2.0 * pad_y;

        // rows: measure first
        struct Laid {
            lines: Vec<Vec<String>>,
            h: f32,
        }
        let mut laid = Vec::with_capacity(t.rows.len());
        for (ri, row) in t.rows.iter().enumerate() {
            let mut lines = Vec::new();
            let mut h: f32 = lh;
            for (ci, cell) in row.iter().enumerate() {
                let w = widths.get(ci).copied().unwrap_or(0.0) - 2.0 * pad_x;
                match cell {
                    Cell::Text(s) => {
                        let title = t.columns.get(ci).map(|c| c.title.as_str()).unwrap_or("");
                        self.fonts.check(s, &format!("{} 第{}行「{}」", t.place, ri + 1, title))?;
                        let l = self.wrap(s, w, size, 0.0);
                        h = h.max(l.len() as f32 * lh);
                        lines.push(l);
                    }
                    Cell::Image { index, h_mm } => {
                        let r = &self.rasters[*index];
                        let (_, ih) = fit(r.width as f32, r.height as f32, w, h_mm * MM);
                        h = h.max(ih);
                        lines.push(Vec::new());
                    }
                    Cell::Blank { h_mm } => {
                        h = h.max(h_mm * MM);
                        lines.push(Vec::new());
                    }
                }
            }
            laid.push(Laid { lines, h: h + 2.0 * pad_y });
        }

        let draw_header = |d: &mut Doc| {
            let top = d.y;
            d.draw(Draw::Rect { x: x0, y: top - head_h, w: xs[xs.len() - 1] - x0, h: head_h, fill: Some(0.90), stroke: None });
            for (ci, lines) in head_lines.iter().enumerate() {
                for (li, line) in lines.iter().enumerate() {
                    let x = d.text_x(line, xs[ci] + pad_x, widths[ci] - 2.0 * pad_x, size, t.columns[ci].align);
                    let y = Self::baseline(top - pad_y - li as f32 * lh, size, lh);
                    d.draw(Draw::Text { x, y, size, grey: 0.0, bold: true, text: line.clone() });
                }
            }
            d.grid(&xs, top, head_h);
            d.y -= head_h;
        };

        self.ensure(head_h + laid.first().map(|l| l.h).unwrap_or(0.0));
        draw_header(self);
        for (ri, row) in laid.iter().enumerate() {
            if self.y - row.h < self.bottom() - 0.01 {
                self.new_page();
                draw_header(self);
            }
            let top = self.y;
            for (ci, cell) in t.rows[ri].iter().enumerate() {
                if ci >= widths.len() {
                    break;
                }
                match cell {
                    Cell::Text(_) => {
                        // vertically centred in the row, as on a printed form
                        let off = (row.h - 2.0 * pad_y - row.lines[ci].len() as f32 * lh) / 2.0;
                        for (li, line) in row.lines[ci].iter().enumerate() {
                            let x = self.text_x(line, xs[ci] + pad_x, widths[ci] - 2.0 * pad_x, size, t.columns[ci].align);
                            let y = Self::baseline(top - pad_y - off - li as f32 * lh, size, lh);
                            if !line.is_empty() {
                                self.draw(Draw::Text { x, y, size, grey: 0.0, bold: false, text: line.clone() });
                            }
                        }
                    }
                    Cell::Image { index, h_mm } => {
                        let r = &self.rasters[*index];
                        let (w, h) = fit(r.width as f32, r.height as f32, widths[ci] - 2.0 * pad_x, h_mm * MM);
                        let x = match t.columns[ci].align {
                            Align::Left => xs[ci] + pad_x,
                            Align::Center => xs[ci] + (widths[ci] - w) / 2.0,
                            Align::Right => xs[ci + 1] - pad_x - w,
                        };
                        let y = top - row.h / 2.0 - h / 2.0;
                        self.draw(Draw::Image { index: *index, x, y, w, h });
                    }
                    Cell::Blank { .. } => {}
                }
            }
            self.grid(&xs, top, row.h);
            self.y -= row.h;
        }
        self.y -= size * 0.8;
        Ok(())
    }

    /// Cell borders of one row.
    fn grid(&mut self, xs: &[f32], top: f32, h: f32) {
        let (l, r) = (xs[0], xs[xs.len() - 1]);
        let g = 0.45;
        let wd = 0.5;
        self.draw(Draw::Line { x1: l, y1: top, x2: r, y2: top, width: wd, grey: g });
        self.draw(Draw::Line { x1: l, y1: top - h, x2: r, y2: top - h, width: wd, grey: g });
        for &x in xs {
            self.draw(Draw::Line { x1: x, y1: top, x2: x, y2: top - h, width: wd, grey: g });
        }
    }

    /// A QR code of `size_mm` with caption lines to its right.
    pub fn qr(&mut self, data: &str, size_mm: f32, caption: &[String], caption_size: f32) -> Result<()> {
        let code = qrcode::QrCode::with_error_correction_level(data.as_bytes(), qrcode::EcLevel::M)
            .map_err(|e| ExportError::Qr(e.to_string()))?;
        let n = code.width();
        let colors = code.to_colors();
        let quiet = 4.0;
        let side = size_mm * MM;
        let module = side / (n as f32 + 2.0 * quiet);
        let lh = caption_size * 1.45;
        let cap_lines: Vec<String> = {
            let mut v = Vec::new();
            for c in caption {
                self.check(c)?;
                v.extend(self.wrap(c, self.width() - side - 6.0, caption_size, 0.0));
            }
            v
        };
        let h = side.max(cap_lines.len() as f32 * lh);
        self.ensure(h);
        let (x0, top) = (self.left(), self.y);
        // dark modules as horizontal runs, one rectangle per run
        let mut runs = Vec::new();
        for row in 0..n {
            let mut col = 0;
            while col < n {
                if colors[row * n + col] == qrcode::Color::Dark {
                    let start = col;
                    while col < n && colors[row * n + col] == qrcode::Color::Dark {
                        col += 1;
                    }
                    runs.push([start as u32, row as u32, (col - start) as u32]);
                } else {
                    col += 1;
                }
            }
        }
        self.draw(Draw::Modules { x: x0 + quiet * module, y: top - quiet * module, module, rows: n as u32, runs });
        let tx = x0 + side + 6.0;
        for (i, line) in cap_lines.into_iter().enumerate() {
            let y = Self::baseline(top - module * quiet - i as f32 * lh, caption_size, lh);
            self.draw(Draw::Text { x: tx, y, size: caption_size, grey: 0.15, bold: false, text: line });
        }
        self.y -= h + 4.0;
        Ok(())
    }

    /// Adds page furniture and returns the pages and rasters.
    pub fn finish(mut self, f: &Furniture) -> Result<(Vec<Page>, Vec<Raster>)> {
        let font = self.fonts;
        font.check(&f.footer_line, "页脚 / footer")?;
        if let Some(h) = &f.running_head {
            font.check(h, "页眉 / running head")?;
        }
        if let Some(w) = &f.watermark {
            font.check(w, "水印 / watermark")?;
        }
        let total = self.pages.len();
        let (pw, ph) = self.paper.size();
        let (l, r) = (self.left(), self.right());
        let bottom = self.margin[2];
        for (i, page) in self.pages.iter_mut().enumerate() {
            let mut draws = Vec::new();
            if let Some(w) = &f.watermark {
                let size = if self.paper == Paper::A3 { 120.0 } else { 86.0 };
                let tw = font.width(w, size);
                let a = 45f32.to_radians();
                let (cx, cy) = (pw / 2.0, ph / 2.0);
                // start point so that the rotated text is centred on the page
                let (dx, dy) = (-tw / 2.0, -size * 0.35);
                let x = cx + dx * a.cos() - dy * a.sin();
                let y = cy + dx * a.sin() + dy * a.cos();
                draws.push(Draw::Outlined { x, y, size, grey: 0.86, angle: 45.0, text: w.clone() });
            }
            draws.append(&mut page.draws);
            let small = 7.5;
            if let Some(h) = &f.running_head {
                let y = ph - self.margin[0] - small;
                draws.push(Draw::Text { x: l, y, size: small, grey: 0.45, bold: false, text: h.clone() });
                draws.push(Draw::Line { x1: l, y1: y - 3.5, x2: r, y2: y - 3.5, width: 0.4, grey: 0.6 });
            }
            let label = f.page_label.replace("{x}", &(i + 1).to_string()).replace("{y}", &total.to_string());
            let fy = bottom + 4.0;
            draws.push(Draw::Line { x1: l, y1: fy + 2.0 * small + 5.0, x2: r, y2: fy + 2.0 * small + 5.0, width: 0.4, grey: 0.6 });
            let fw = font.width(&f.footer_line, small);
            let fsize = if fw > r - l { small * (r - l) / fw } else { small };
            draws.push(Draw::Text { x: l, y: fy + small + 3.0, size: fsize, grey: 0.35, bold: false, text: f.footer_line.clone() });
            let lw = font.width(&label, 9.0);
            draws.push(Draw::Text { x: (l + r - lw) / 2.0, y: fy - 1.0, size: 9.0, grey: 0.0, bold: false, text: label });
            page.draws = draws;
        }
        Ok((self.pages, self.rasters))
    }
}

/// Fits w×h into at most max_w×max_h, keeping the aspect ratio.
fn fit(w: f32, h: f32, max_w: f32, max_h: f32) -> (f32, f32) {
    if w <= 0.0 || h <= 0.0 {
        return (0.0, 0.0);
    }
    let s = (max_w / w).min(max_h / h);
    (w * s, h * s)
}

/// Decodes an image, composites it onto white, converts to 8-bit grey and scales it down
/// (box filter) to at most `max_px` wide.
fn to_grey(bytes: &[u8], max_px: usize) -> std::result::Result<Raster, String> {
    use printpdf::{RawImage, RawImageData, RawImageFormat};
    let mut warnings = Vec::new();
    let img = RawImage::decode_from_bytes(bytes, &mut warnings)?;
    let (w, h) = (img.width, img.height);
    if w == 0 || h == 0 {
        return Err("empty image".into());
    }
    let px: Vec<u8> = match (&img.pixels, &img.data_format) {
        (RawImageData::U8(d), fmt) => {
            let ch = match fmt {
                RawImageFormat::R8 => 1,
                RawImageFormat::RG8 => 2,
                RawImageFormat::RGB8 | RawImageFormat::BGR8 => 3,
                RawImageFormat::RGBA8 | RawImageFormat::BGRA8 => 4,
                other => return Err(format!("unsupported pixel format {other:?}")),
            };
            if d.len() < w * h * ch {
                return Err("truncated pixel data".into());
            }
            (0..w * h)
                .map(|i| {
                    let p = &d[i * ch..i * ch + ch];
                    let (lum, a) = match ch {
                        1 => (p[0] as f32, 255.0),
                        2 => (p[0] as f32, p[1] as f32),
                        3 => (0.299 * p[0] as f32 + 0.587 * p[1] as f32 + 0.114 * p[2] as f32, 255.0),
                        _ => (0.299 * p[0] as f32 + 0.587 * p[1] as f32 + 0.114 * p[2] as f32, p[3] as f32),
                    };
                    let a = a / 255.0;
                    (lum * a + 255.0 * (1.0 - a)).round().clamp(0.0, 255.0) as u8
                })
                .collect()
        }
        (_, fmt) => return Err(format!("unsupported pixel depth {fmt:?}")),
    };
    if w <= max_px {
        return Ok(Raster { width: w, height: h, grey: px });
    }
    let nw = max_px;
    let nh = ((h as f32) * (nw as f32) / (w as f32)).round().max(1.0) as usize;
    let mut out = vec![0u8; nw * nh];
    for oy in 0..nh {
        let y0 = oy * h / nh;
        let y1 = ((oy + 1) * h / nh).max(y0 + 1);
        for ox in 0..nw {
            let x0 = ox * w / nw;
            let x1 = ((ox + 1) * w / nw).max(x0 + 1);
            let mut sum = 0u32;
            for y in y0..y1 {
                for x in x0..x1 {
                    sum += px[y * w + x] as u32;
                }
            }
            out[oy * nw + ox] = (sum / ((y1 - y0) * (x1 - x0)) as u32) as u8;
        }
    }
    Ok(Raster { width: nw, height: nh, grey: out })
}
