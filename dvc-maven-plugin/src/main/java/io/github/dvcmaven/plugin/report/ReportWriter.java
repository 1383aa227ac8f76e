package io.github.dvcmaven.plugin.report;

import io.github.dvcmaven.core.api.PlainTable;

/** The few document events the dvc report needs, written to a Doxia sink (site) or plain HTML (standalone). */
public interface ReportWriter {
    void start(String title);

    void section(String title);

    void paragraph(String text);

    void table(PlainTable table);

    void link(String href, String text);

    /** Markup the writer passes through unchanged (the plots frame). */
    void raw(String html);

    void end();
}
