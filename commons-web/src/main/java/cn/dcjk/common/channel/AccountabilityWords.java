package cn.dcjk.common.channel;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * Whether a text speaks of accountability (问责、追责、处分…), read as a person would read it:
 * width and compatibility forms folded (NFKC), traditional characters mapped to simplified, and
 * spaces, punctuation, symbols and invisible characters between the characters ignored, so
 * 「问 责」「問責」「问\u200B责」「问·责」 all count.
 */
public final class AccountabilityWords {

    static final List<String> TERMS = List.of("问责", "追责", "追究责任", "责任追究", "追究其责任", "追究相关责任",
            "处分", "诫勉", "免职", "撤职", "惩处", "惩戒", "处理相关责任人", "严肃处理", "责任人处理",
            "accountab", "disciplinar", "punish", "sanction", "wenze", "zhuize");

    private static final String TRADITIONAL = "問責處懲誡職罰紀究";
    private static final String SIMPLIFIED = "问责处惩诫职罚纪究";

    private AccountabilityWords() {
    }

    public static boolean mentioned(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        String folded = fold(text);
        return TERMS.stream().anyMatch(folded::contains);
    }

    /** The text as compared: NFKC, lower case, simplified, only letters and digits. */
    static String fold(String text) {
        String n = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(n.length());
        n.codePoints().forEach(cp -> {
            if (Character.isLetterOrDigit(cp)) {
                int i = TRADITIONAL.indexOf(cp);
                out.appendCodePoint(i >= 0 ? SIMPLIFIED.charAt(i) : cp);
            }
        });
        return out.toString();
    }
}
