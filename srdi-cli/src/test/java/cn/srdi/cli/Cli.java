package cn.srdi.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Runs the command line in-process with standard output and standard error captured. */
final class Cli {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Exit code and what the command printed. */
    record Result(int exit, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }

        List<JsonNode> json() {
            List<JsonNode> nodes = new ArrayList<>();
            for (String line : lines()) {
                nodes.add(JSON.readTree(line));
            }
            return nodes;
        }
    }

    private Cli() {
    }

    static synchronized Result run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exit = SrdiCommand.run(args);
            System.out.flush();
            System.err.flush();
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Generates a synthetic region and fails the test if that does not work. */
    static Path generate(Path file, int count, long seed, String date, String... extra) {
        List<String> args = new ArrayList<>(List.of("generate", "--count", Integer.toString(count), "--seed", Long.toString(seed),
                "--assessment-date", date, "--output", file.toString()));
        args.addAll(List.of(extra));
        Result r = run(args.toArray(new String[0]));
        if (r.exit() != 0) {
            throw new AssertionError("generate failed with " + r.exit() + ": " + r.err());
        }
        return file;
    }

    static JsonNode parseJson(String line) {
        return JSON.readTree(line);
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
