package cn.dcjk.common.data.idempotency;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A write that honours the Idempotency-Key header: the same key and body get the first answer
 * again; the same key with a different body is a 422. The method must return a JAX-RS Response,
 * and it runs, with the key's record, in one transaction: nothing is half-written.
 */
@InterceptorBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Idempotent {
}
