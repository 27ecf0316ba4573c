package fr.passerelle.realms;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds the two realm sets from the sources: the production set is the base folder as is; the demo set is the
 * base folder with each {@code <name>.overlay.json} of the overlay folder merged into the base file
 * {@code <name>.json}, plus the overlay folder's whole realm files.
 *
 * <p>Merge rule, the same at every depth: objects merge field by field, arrays are concatenated (base
 * entries first), any other overlay value replaces the base one. So the overlay only ever adds clients, identity
 * providers, their mappers and client scopes to the broker realm, and may rename it.
 */
public final class RealmOverlay {

    static final String OVERLAY_SUFFIX = ".overlay.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RealmOverlay() {
    }

    /** {@code base overlay productionOut demoOut}: the four folders. */
    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: RealmOverlay <base dir> <overlay dir> <production out> <demo out>");
        }
        build(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]), Path.of(args[3]));
    }

    static void build(Path base, Path overlay, Path productionOut, Path demoOut) throws IOException {
        Files.createDirectories(productionOut);
        Files.createDirectories(demoOut);
        for (Path file : jsonFiles(base)) {
            Files.copy(file, productionOut.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        List<Path> overlays = jsonFiles(overlay);
        for (Path file : jsonFiles(base)) {
            JsonNode realm = JSON.readTree(file.toFile());
            Path patch = overlay.resolve(file.getFileName().toString().replace(".json", OVERLAY_SUFFIX));
            if (overlays.contains(patch)) {
                realm = merge(realm, JSON.readTree(patch.toFile()));
            }
            JSON.writeValue(demoOut.resolve(file.getFileName()).toFile(), realm);
        }
        for (Path file : overlays) {
            String name = file.getFileName().toString();
            if (name.endsWith(OVERLAY_SUFFIX)) {
                if (!Files.exists(base.resolve(name.replace(OVERLAY_SUFFIX, ".json")))) {
                    throw new IllegalStateException(file + " overlays no base realm file");
                }
            } else if (Files.exists(base.resolve(name))) {
                throw new IllegalStateException(file + " would replace the base realm file of the same name; name it " + name.replace(".json", OVERLAY_SUFFIX));
            } else {
                Files.copy(file, demoOut.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** The base with the overlay merged in (neither argument is changed). */
    static JsonNode merge(JsonNode base, JsonNode overlay) {
        if (base instanceof ObjectNode baseObject && overlay instanceof ObjectNode overlayObject) {
            ObjectNode merged = baseObject.deepCopy();
            overlayObject.fields().forEachRemaining(field -> merged.set(field.getKey(),
                    merged.has(field.getKey()) ? merge(merged.get(field.getKey()), field.getValue()) : field.getValue().deepCopy()));
            return merged;
        }
        if (base instanceof ArrayNode baseArray && overlay instanceof ArrayNode overlayArray) {
            ArrayNode merged = baseArray.deepCopy();
            overlayArray.forEach(element -> merged.add(element.deepCopy()));
            return merged;
        }
        return overlay.deepCopy();
    }

    private static List<Path> jsonFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return new ArrayList<>(files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList());
        }
    }
}
