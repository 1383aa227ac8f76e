package io.github.dvcmaven.core.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * No public member of the api names an internal type: a library user who can call a method can also
 * name every type it takes and returns, and an internal change never breaks their code.
 */
class ApiSignaturesTest {
    private static final String INTERNAL = "io.github.dvcmaven.core.internal.";

    @Test
    void publicApiMembersNameNoInternalType() throws Exception {
        List<String> leaks = new ArrayList<>();
        for (JavaClass c : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.github.dvcmaven.core.api")) {
            Class<?> type = Class.forName(c.getName());
            if (!Modifier.isPublic(type.getModifiers())) {
                continue;
            }
            for (Method m : type.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic()) {
                    check(leaks, m.toGenericString(), m.getGenericReturnType());
                    check(leaks, m.toGenericString(), m.getGenericParameterTypes());
                }
            }
            for (Constructor<?> k : type.getDeclaredConstructors()) {
                if (Modifier.isPublic(k.getModifiers())) {
                    check(leaks, k.toGenericString(), k.getGenericParameterTypes());
                }
            }
            for (Field f : type.getDeclaredFields()) {
                if (Modifier.isPublic(f.getModifiers())) {
                    check(leaks, f.toGenericString(), f.getGenericType());
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    private static void check(List<String> leaks, String member, Type... types) {
        if (Arrays.stream(types).anyMatch(t -> t.getTypeName().contains(INTERNAL))) {
            leaks.add(member);
        }
    }
}
