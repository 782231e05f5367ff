package dev.lantern.summarizer.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Articles with reference summaries, one JSON object per line: {"id", "article", "reference"}. */
record NewsCorpus(List<Article> articles) {

    record Article(String id, String text, String reference) {}

    static NewsCorpus read(Path jsonl) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Article> articles = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode row = json.readTree(line);
                articles.add(new Article(row.path("id").asText(), row.path("article").asText(),
                        row.path("reference").asText(row.path("highlights").asText())));
            }
        }
        return new NewsCorpus(articles);
    }

    NewsCorpus slice(int from, int to) {
        return new NewsCorpus(articles.subList(Math.min(from, articles.size()), Math.min(to, articles.size())));
    }
}
