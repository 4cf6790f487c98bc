package io.netlink4j.core.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A property test run once per seed of {@link Gen#seeds()}; the method takes the seed
 * ({@code long}) and passes it to {@link Gen#forAll}. The seed is in the test's name.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "seed {0}")
@MethodSource("io.netlink4j.core.testing.Gen#seeds")
public @interface SeededTest {}
