package dev.lantern.shared.model;

import ai.djl.util.JsonUtils;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Reads class names, index = class id: a JSON array of strings ({@code .json}) or one name per line. */
public final class LabelList {

    private LabelList() {}

    public static List<String> read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (file.getFileName().toString().endsWith(".json")) {
            return Arrays.asList(JsonUtils.GSON.fromJson(text, String[].class));
        }
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
