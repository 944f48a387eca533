package dev.jdbcdynamo.bench.conformance.corpus;

import dev.jdbcdynamo.bench.conformance.ConformanceRecorder;
import java.nio.file.Path;

/**
 * Writes the generated conformance corpus (the shared case format) into a directory, replacing
 * what was there, then records every case's answer from DynamoDB Local unless told not to.
 */
public final class CorpusGenerator {
    private CorpusGenerator() {
    }

    /** Arguments: the output directory, then {@code --no-record} to write the cases only. */
    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2 || (args.length == 2 && !args[1].equals("--no-record"))) {
            System.err.println("Usage: CorpusGenerator <output dir> [--no-record]");
            System.exit(2);
        }
        Path out = Path.of(args[0]).toAbsolutePath().normalize();
        Corpus corpus = generate();
        corpus.writeTo(out);
        System.out.println(corpus.size() + " cases written");
        if (args.length == 1) {
            System.exit(ConformanceRecorder.recordAll(out));
        }
    }

    static Corpus generate() {
        Corpus corpus = new Corpus();
        ComparisonCases.addTo(corpus);
        TypeCases.addTo(corpus);
        DmlCases.addTo(corpus);
        LimitCases.addTo(corpus);
        GroupCases.addTo(corpus);
        return corpus;
    }
}
