package dev.imagesync.cli;

import java.io.PrintWriter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dev.imagesync.image.SlotQuantity;

/**
 * {@code --json} output: indented, snake_case field names as 21.09's API returned them, slot amounts as
 * strings ({@code "268435456"}, {@code "Infinity"}) so no precision is lost.
 */
final class JsonOutput {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .registerModule(new SimpleModule().addSerializer(SlotQuantity.class, ToStringSerializer.instance));

    private JsonOutput() {
    }

    static void print(PrintWriter out, Object value) {
        try {
            out.println(JSON.writeValueAsString(value));
            out.flush();
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("cannot render JSON: " + impossible.getOriginalMessage(), impossible);
        }
    }
}
