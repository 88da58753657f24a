package cn.dcjk.common.rule;

import java.util.List;

/** Each service lists its rules through one bean of this type; GET /api/v1/rules reads it. */
public interface RuleBook {

    String service();

    List<RuleDescriptor> rules();
}
