package io.github.dvcmaven.plugin.report;

import io.github.dvcmaven.core.api.PlainTable;
import java.util.List;
import org.apache.maven.doxia.sink.Sink;

/** The report inside the Maven site's skin. */
public final class SinkReportWriter implements ReportWriter {
    private final Sink sink;
    private boolean inSection;

    public SinkReportWriter(Sink sink) {
        this.sink = sink;
    }

    @Override
    public void start(String title) {
        sink.head();
        sink.title();
        sink.text(title);
        sink.title_();
        sink.head_();
        sink.body();
        sink.section1();
        sink.sectionTitle1();
        sink.text(title);
        sink.sectionTitle1_();
    }

    @Override
    public void section(String title) {
        closeSection();
        sink.section2();
        sink.sectionTitle2();
        sink.text(title);
        sink.sectionTitle2_();
        inSection = true;
    }

    @Override
    public void paragraph(String text) {
        sink.paragraph();
        sink.text(text);
        sink.paragraph_();
    }

    @Override
    public void table(PlainTable table) {
        sink.table();
        sink.tableRows();
        row(table.headers(), true);
        table.rows().forEach(r -> row(r, false));
        sink.tableRows_();
        sink.table_();
    }

    private void row(List<String> cells, boolean header) {
        sink.tableRow();
        for (String c : cells) {
            if (header) {
                sink.tableHeaderCell();
                sink.text(c);
                sink.tableHeaderCell_();
            } else {
                sink.tableCell();
                sink.text(c);
                sink.tableCell_();
            }
        }
        sink.tableRow_();
    }

    @Override
    public void link(String href, String text) {
        sink.paragraph();
        sink.link(href);
        sink.text(text);
        sink.link_();
        sink.paragraph_();
    }

    @Override
    public void raw(String html) {
        sink.rawText(html);
    }

    @Override
    public void end() {
        closeSection();
        sink.section1_();
        sink.body_();
        sink.flush();
        sink.close();
    }

    private void closeSection() {
        if (inSection) {
            sink.section2_();
            inSection = false;
        }
    }
}
