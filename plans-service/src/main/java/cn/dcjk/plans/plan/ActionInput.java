package cn.dcjk.plans.plan;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** A workflow step's comment and, at approval, the exceptions the approver grants explicitly. */
public record ActionInput(@Size(max = 2000) String comment, @Valid List<@NotNull Grant> grants) {

    /** 特批: the approving authority waives a PRINCIPLE rule for one item. */
    public record Grant(@NotNull Long itemId, @NotBlank String rule) {
    }
}
