package dev.lantern.shared.document;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** One document reader per process, shared by the summarizer and the translator: one pool of parser threads. */
@ApplicationScoped
public class DocumentReaderProducer {

    @Produces
    @Singleton
    DocumentReader documentReader(DocumentConfig config) {
        return new DocumentReader(config.limits());
    }

    void close(@Disposes DocumentReader reader) {
        reader.close();
    }
}
