package cn.dcjk.accountability.referral;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The dispatching unit closes a referral without transfer; the reasons are required. */
public record CloseInput(@NotBlank @Size(max = 5000) String reasons) {
}
