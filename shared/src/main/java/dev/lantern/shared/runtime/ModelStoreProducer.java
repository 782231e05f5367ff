package dev.lantern.shared.runtime;

import dev.lantern.shared.model.ModelStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** One model store per process, shared by all tasks so a file is resolved and verified once. */
@ApplicationScoped
public class ModelStoreProducer {

    @Produces
    @Singleton
    ModelStore modelStore(LanternConfig config) {
        return new ModelStore(config.models().dir(), config.models().cache(), config.offline());
    }
}
