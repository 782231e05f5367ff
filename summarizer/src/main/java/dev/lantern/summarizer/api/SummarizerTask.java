package dev.lantern.summarizer.api;

import dev.lantern.summarizer.SummarizerService;
import dev.lantern.web.suite.SuiteTask;
import dev.lantern.web.suite.TaskStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The summarizer as the portal lists it. */
@ApplicationScoped
public class SummarizerTask implements SuiteTask {

    @Inject
    SummarizerService summarizer;

    @Override
    public String id() {
        return "summarizer";
    }

    @Override
    public String title() {
        return "Summarizer";
    }

    @Override
    public String summary() {
        return "Paste an English article and get its key sentences, highlighted in the text.";
    }

    @Override
    public String status() {
        return TaskStatus.describe(summarizer.state(), summarizer.problem());
    }
}
