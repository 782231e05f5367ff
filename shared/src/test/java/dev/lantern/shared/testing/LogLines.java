package dev.lantern.shared.testing;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The lines one logger writes while this is open, each as its format and its parameters, for tests that check what
 * was logged; closing stops listening.
 */
public final class LogLines implements AutoCloseable {

    private final Logger logger;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(record.getMessage() + " " + Arrays.toString(record.getParameters()));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    private LogLines(Logger logger) {
        this.logger = logger;
        logger.addHandler(capture);
    }

    /** Listens to the logger of {@code source} (JBoss Logging's loggers are JUL loggers of the class's name). */
    public static LogLines of(Class<?> source) {
        return new LogLines(Logger.getLogger(source.getName()));
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        logger.removeHandler(capture);
    }
}
