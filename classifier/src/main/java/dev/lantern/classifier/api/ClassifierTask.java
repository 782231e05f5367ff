package dev.lantern.classifier.api;

import dev.lantern.classifier.ImageClassifier;
import dev.lantern.web.suite.SuiteTask;
import dev.lantern.web.suite.TaskStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The classifier as the portal lists it. */
@ApplicationScoped
public class ClassifierTask implements SuiteTask {

    @Inject
    ImageClassifier classifier;

    @Override
    public String id() {
        return "classifier";
    }

    @Override
    public String title() {
        return "Image classifier";
    }

    @Override
    public String summary() {
        return "Drop in a photo and get the most likely of 1,000 ImageNet labels.";
    }

    @Override
    public String status() {
        return TaskStatus.describe(classifier.state(), classifier.problem());
    }
}
