package dev.sreagent.pipeline;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes a component of a model-answer record for the JSON Schema generated from it: the description
 * the model reads and the bounds the validator enforces.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface SchemaField {
  /** @return what the field means, for the model */
  String value();

  /** @return the smallest allowed number (numbers only); NaN for none */
  double minimum() default Double.NaN;

  /** @return the largest allowed number (numbers only); NaN for none */
  double maximum() default Double.NaN;

  /** @return the longest allowed string or the most allowed array items; -1 for no limit */
  int maxLength() default -1;

  /** @return the fewest allowed array items, or the shortest allowed string; 0 for none */
  int minLength() default 0;
}
