package cn.dcjk.common.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;

/** Every JSON string and object key read by the suite passes {@link Text#problem}; else a 400 naming the field. */
final class StrictStrings {

    private StrictStrings() {
    }

    static SimpleModule module() {
        SimpleModule m = new SimpleModule("dcjk-strict-strings");
        m.addDeserializer(String.class, new Values());
        m.addKeyDeserializer(String.class, new Keys());
        return m;
    }

    static final class Values extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String s = super.deserialize(p, ctxt);
            String problem = Text.problem(s);
            if (problem != null) {
                throw new BadTextException(p, problem);
            }
            return s;
        }
    }

    static final class Keys extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
            String problem = Text.problem(key);
            if (problem != null) {
                throw new BadTextException(ctxt.getParser(), "key: " + problem);
            }
            return key;
        }
    }
}
