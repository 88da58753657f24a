package cn.dcjk.common.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Strict JSON everywhere, the one input discipline of the suite: exactly one JSON value per body
 * (nothing after it), each key once, no unknown fields, no control characters or lone surrogates
 * in strings or keys, no fraction or out-of-range number where an integer is expected. Each is a
 * 400 naming the field, never guessed. (An absent boolean or number of a record is false or zero,
 * as clients expect.)
 */
@Singleton
public class Json implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        strict(mapper);
    }

    /** The same rules for a mapper made outside CDI (tests, tools). */
    public static ObjectMapper strict(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.registerModule(StrictStrings.module());
        return mapper;
    }
}
