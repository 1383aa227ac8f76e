package io.github.dvcmaven.core.internal.plots;

import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.api.PlotsReport;
import io.github.dvcmaven.core.api.RenderedPlot;
import io.github.dvcmaven.core.internal.fs.AtomicWrite;
import io.github.dvcmaven.core.internal.py.PyJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plots as one self-contained HTML page: Vega, Vega-Lite and vega-embed (from the npm registry at
 * build time) are inlined, images are data URIs, so the page works offline and as a single CI artifact.
 * The page records in {@code #dvc-plots-status} how many charts rendered and which failed.
 */
public final class PlotsPage {
    public static final String DEFAULT_DIR = "dvc_plots";
    private static final List<String> SCRIPTS = List.of("vega.min.js", "vega-lite.min.js", "vega-embed.min.js");

    private PlotsPage() {}

    /** Writes {@code index.html} into {@code outDir} (atomically) and returns its path. */
    public static Path write(PlotsReport report, Path outDir, String title) {
        Path index = outDir.resolve("index.html");
        try {
            AtomicWrite.writeString(index, html(report, title));
            return index;
        } catch (IOException e) {
            throw new DvcException("cannot write " + index + ": " + e.getMessage(), null, e);
        }
    }

    public static String html(PlotsReport report, String title) {
        StringBuilder sb = new StringBuilder(1 << 20);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(title))
                .append("</title>\n<style>\n")
                .append(STYLE)
                .append("</style>\n");
        for (String script : SCRIPTS) {
            sb.append("<script>\n").append(resource("js/" + script)).append("\n</script>\n");
        }
        sb.append("</head>\n<body>\n<header><h1>").append(escape(title)).append("</h1><p class=\"revs\">");
        for (int i = 0; i < report.revisions().size(); i++) {
            sb.append(i == 0 ? "" : " · ")
                    .append("<code>")
                    .append(escape(report.revisions().get(i)))
                    .append("</code>");
        }
        long charts = report.plots().stream().filter(p -> !p.isImage()).count();
        sb.append("</p></header>\n<div id=\"dvc-plots-status\" data-total=\"")
                .append(charts)
                .append("\" data-rendered=\"0\" data-failed=\"0\" data-done=\"false\"></div>\n<main>\n");
        if (report.plots().isEmpty()) {
            sb.append("<p class=\"empty\">No plots: dvc.yaml defines none, or none could be read.</p>\n");
        }
        int n = 0;
        for (RenderedPlot p : report.plots()) {
            n++;
            sb.append("<section class=\"plot\" id=\"plot-")
                    .append(n)
                    .append("\">\n<h2>")
                    .append(escape(p.id()))
                    .append("</h2>\n");
            if (p.isImage()) {
                sb.append("<div class=\"images\">\n");
                for (RenderedPlot.Image img : p.images()) {
                    sb.append("<figure><img alt=\"")
                            .append(escape(p.id() + " at " + img.rev()))
                            .append("\" src=\"data:")
                            .append(img.mimeType())
                            .append(";base64,")
                            .append(Base64.getEncoder().encodeToString(img.content()))
                            .append("\"><figcaption>")
                            .append(escape(img.rev()))
                            .append("</figcaption></figure>\n");
                }
                sb.append("</div>\n");
            } else {
                sb.append("<div class=\"chart\"></div>\n<script type=\"application/json\" class=\"dvc-spec\">")
                        .append(scriptSafe(PyJson.dumps(p.spec())))
                        .append("</script>\n");
            }
            sb.append("</section>\n");
        }
        sb.append("</main>\n");
        if (!report.errors().isEmpty()) {
            sb.append("<aside class=\"errors\"><h2>Not shown</h2><ul>\n");
            report.errors().forEach(e -> sb.append("<li>").append(escape(e)).append("</li>\n"));
            sb.append("</ul></aside>\n");
        }
        sb.append("<script>\n").append(RENDER).append("</script>\n</body>\n</html>\n");
        return sb.toString();
    }

    /** dvc's {@code plots show --json} shape; images are written to {@code outDir/static}. */
    public static String json(PlotsReport report, Path outDir) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (RenderedPlot p : report.plots()) {
            List<Object> entries = new ArrayList<>();
            if (p.isImage()) {
                for (RenderedPlot.Image img : p.images()) {
                    Path file = outDir.resolve("static")
                            .resolve(img.rev().replaceAll("[^A-Za-z0-9._-]", "_") + "_"
                                    + p.id().replaceAll("[^A-Za-z0-9._-]", "_"));
                    try {
                        Files.createDirectories(file.getParent());
                        Files.write(file, img.content());
                    } catch (IOException e) {
                        throw new DvcException("cannot write " + file + ": " + e.getMessage(), null, e);
                    }
                    entries.add(Map.of("type", "image", "revisions", List.of(img.rev()), "url", file.toString()));
                }
            } else {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("type", "vega");
                e.put("revisions", p.revisions());
                e.put("content", p.spec());
                entries.add(e);
            }
            data.put(p.id(), entries);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("data", data);
        if (!report.errors().isEmpty()) {
            out.put("errors", report.errors());
        }
        return PyJson.dumps(out);
    }

    private static String resource(String name) {
        try (InputStream in = PlotsPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new DvcException(
                        "the plugin was built without " + name, "rebuild dvc-core with access to the npm registry");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DvcException("cannot read " + name + ": " + e.getMessage(), null, e);
        }
    }

    /** JSON inside a script element: "<" escaped so no "</script>" can end it early. */
    private static String scriptSafe(String json) {
        return json.replace("<", "\\u003c");
    }

    /** Text and attribute values in HTML. */
    public static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static final String STYLE = """
            body { font-family: -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; margin: 1.5em; color: #1f2328; }
            header h1 { font-size: 1.4em; margin: 0 0 .2em; }
            .revs code { background: #f0f2f5; padding: 1px 6px; border-radius: 4px; }
            main { display: flex; flex-wrap: wrap; gap: 1.5em; margin-top: 1em; }
            section.plot { border: 1px solid #d0d7de; border-radius: 6px; padding: .8em 1em; }
            section.plot h2 { font-size: 1em; margin: 0 0 .6em; font-family: ui-monospace, monospace; }
            .images { display: flex; gap: 1em; flex-wrap: wrap; }
            figure { margin: 0; text-align: center; }
            figure img { max-width: 360px; max-height: 360px; border: 1px solid #eee; }
            figcaption { font-family: ui-monospace, monospace; font-size: .85em; color: #57606a; }
            .plot-error, .errors { color: #b42318; }
            """;

    private static final String RENDER = """
            (function () {
              var status = document.getElementById('dvc-plots-status');
              var specs = document.querySelectorAll('script.dvc-spec');
              var rendered = 0, failed = 0;
              var jobs = Array.prototype.map.call(specs, function (el) {
                var target = el.previousElementSibling;
                var title = el.parentElement.querySelector('h2').textContent;
                return vegaEmbed(target, JSON.parse(el.textContent), {
                  renderer: 'svg',
                  actions: {export: true, source: true, compiled: false, editor: false}
                }).then(function (result) {
                  rendered++;
                  target.setAttribute('data-rendered', 'true');
                  return result;
                }, function (err) {
                  failed++;
                  console.error('dvc plots: ' + title + ': ' + err);
                  var msg = document.createElement('p');
                  msg.className = 'plot-error';
                  msg.textContent = 'cannot draw ' + title + ': ' + err;
                  target.appendChild(msg);
                });
              });
              Promise.all(jobs).then(function () {
                status.setAttribute('data-rendered', String(rendered));
                status.setAttribute('data-failed', String(failed));
                status.setAttribute('data-done', 'true');
              });
            })();
            """;
}
