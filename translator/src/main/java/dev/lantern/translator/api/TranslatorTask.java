package dev.lantern.translator.api;

import dev.lantern.translator.PairStatus;
import dev.lantern.translator.TranslationService;
import dev.lantern.web.suite.SuiteTask;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.stream.Collectors;

/** The translator as the portal lists it. */
@ApplicationScoped
public class TranslatorTask implements SuiteTask {

    @Inject
    TranslationService translator;

    @Override
    public String id() {
        return "translator";
    }

    @Override
    public String title() {
        return "Translator";
    }

    @Override
    public String summary() {
        return "Translate text between English, German and French with models Lantern trains itself.";
    }

    @Override
    public String status() {
        List<PairStatus> pairs = translator.pairs();
        List<String> ready = pairs.stream().filter(p -> p.state().equals("ready"))
                .map(p -> p.source() + "-" + p.target()).toList();
        if (!ready.isEmpty()) {
            List<String> missing = pairs.stream().filter(p -> p.state().equals("unavailable"))
                    .map(p -> p.source() + "-" + p.target()).toList();
            return ready.size() == pairs.size() ? "ready" : "ready: " + String.join(", ", ready)
                    + (missing.isEmpty() ? "" : "; no model: " + String.join(", ", missing));
        }
        if (pairs.stream().anyMatch(p -> p.state().equals("loading"))) {
            return "loading";
        }
        return "no translation model yet: " + pairs.stream().map(p -> p.source() + "-" + p.target())
                .collect(Collectors.joining(", ")) + " are trained by the project (translator/TRAINING.md)";
    }
}
