package cn.dcjk.common.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/** A JSON string refused for what it contains ({@link Text#problem}); the mappers make it a 400 naming the field. */
public class BadTextException extends JsonMappingException {

    public BadTextException(JsonParser p, String message) {
        super(p, message);
    }
}
