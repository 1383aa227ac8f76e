package io.github.dvcmaven.plugin.report;

import io.github.dvcmaven.core.api.PlainTable;
import java.util.List;

/** The report as a page of its own, for {@code mvn dvc:report} outside {@code mvn site}. */
public final class HtmlReportWriter implements ReportWriter {
    private final StringBuilder html = new StringBuilder();

    @Override
    public void start(String title) {
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(title))
                .append(
                        "</title>\n<style>body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse}"
                                + "td,th{border:1px solid #d0d7de;padding:3px 8px;text-align:left}</style>\n</head>\n<body>\n<h1>")
                .append(escape(title))
                .append("</h1>\n");
    }

    @Override
    public void section(String title) {
        html.append("<h2>").append(escape(title)).append("</h2>\n");
    }

    @Override
    public void paragraph(String text) {
        html.append("<p>").append(escape(text)).append("</p>\n");
    }

    @Override
    public void table(PlainTable table) {
        html.append("<table>\n");
        row(table.headers(), "th");
        table.rows().forEach(r -> row(r, "td"));
        html.append("</table>\n");
    }

    private void row(List<String> cells, String tag) {
        html.append("<tr>");
        cells.forEach(c -> html.append('<')
                .append(tag)
                .append('>')
                .append(escape(c))
                .append("</")
                .append(tag)
                .append('>'));
        html.append("</tr>\n");
    }

    @Override
    public void link(String href, String text) {
        html.append("<p><a href=\"")
                .append(escape(href))
                .append("\">")
                .append(escape(text))
                .append("</a></p>\n");
    }

    @Override
    public void raw(String markup) {
        html.append(markup).append('\n');
    }

    @Override
    public void end() {
        html.append("</body>\n</html>\n");
    }

    public String html() {
        return html.toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
