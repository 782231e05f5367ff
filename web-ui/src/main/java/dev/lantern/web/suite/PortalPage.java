package dev.lantern.web.suite;

import java.util.List;

/** The portal's HTML: a card per task. Small enough that a template engine would cost more than it saves. */
final class PortalPage {

    private PortalPage() {}

    static String render(List<SuiteTask> tasks) {
        StringBuilder cards = new StringBuilder();
        for (SuiteTask task : tasks) {
            String status = task.status();
            cards.append("""
                    <li><a class="card" href="%s"><h2>%s</h2><p>%s</p><span class="status %s">%s</span></a></li>
                    """.formatted(escape(task.pagePath()), escape(task.title()), escape(task.summary()),
                    "ready".equals(status) ? "ok" : "warn", escape(status)));
        }
        if (tasks.isEmpty()) {
            cards.append("<li>No task is installed in this build.</li>");
        }
        return """
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Lantern</title>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml">
                <link rel="stylesheet" href="/ui/lantern.css">
                </head>
                <body>
                <header class="bar"><a class="brand" href="/">Lantern</a></header>
                <main>
                <h1>Lantern</h1>
                <p class="lead">Pretrained models behind small web pages and REST APIs.
                The API of every task is described at <a href="/q/swagger-ui/">/q/swagger-ui</a>.</p>
                <ul class="cards">
                %s</ul>
                </main>
                </body>
                </html>
                """.formatted(cards);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
