package io.github.dvcmaven.plugin;

import java.io.File;
import java.lang.reflect.Field;
import java.util.Properties;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.Parameter;

/**
 * Makes a {@code -Ddvc.x} property win over the pom's {@code <configuration>} for the same parameter
 * (plain Maven lets the pom win), so a command line can always change what a pom-bound execution does.
 */
final class CommandLineOverrides {
    private CommandLineOverrides() {}

    static void apply(Object mojo, MojoExecution execution, Properties userProperties) throws MojoExecutionException {
        if (execution == null
                || execution.getMojoDescriptor() == null
                || execution.getMojoDescriptor().getParameters() == null) {
            return;
        }
        for (Parameter p : execution.getMojoDescriptor().getParameters()) {
            String expression = p.getExpression();
            if (expression == null || !expression.startsWith("${dvc.") || !expression.endsWith("}")) {
                continue;
            }
            String value = userProperties.getProperty(expression.substring(2, expression.length() - 1));
            if (value != null) {
                set(mojo, p.getName(), value);
            }
        }
    }

    private static void set(Object mojo, String name, String value) throws MojoExecutionException {
        for (Class<?> c = mojo.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                f.set(mojo, convert(f.getType(), value, name));
                return;
            } catch (NoSuchFieldException e) {
                // declared higher up
            } catch (IllegalAccessException e) {
                throw new MojoExecutionException("cannot set parameter " + name, e);
            }
        }
    }

    private static Object convert(Class<?> type, String value, String name) throws MojoExecutionException {
        try {
            if (type == boolean.class || type == Boolean.class) {
                return value.isEmpty() || Boolean.parseBoolean(value);
            }
            if (type == int.class || type == Integer.class) {
                return Integer.parseInt(value.trim());
            }
            if (type == File.class) {
                return new File(value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new MojoExecutionException("-D" + name + " must be a number, not '" + value + "'");
        }
    }
}
