//! Test helpers: parse a chart as XML and count its marks.

/// The chart as an XML document (panics with the SVG when it is not well-formed).
pub(super) fn parse(svg: &str) -> roxmltree::Document<'_> {
    roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("{e}: {svg}"))
}

/// How many `tag` elements carry `class` (bars, points, legend swatches).
pub(super) fn count_class(doc: &roxmltree::Document<'_>, tag: &str, class: &str) -> usize {
    doc.descendants()
        .filter(|n| n.has_tag_name(tag) && n.attribute("class") == Some(class))
        .count()
}
