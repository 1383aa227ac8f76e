package io.github.dvcmaven.core.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Every public type, constructor, method, field and enum constant of the api carries a Javadoc comment,
 * read from the sources by the JDK's own parser. Compact record constructors are exempt (javadoc
 * documents them through the record's {@code @param} tags), and so are overrides, which inherit theirs.
 */
class ApiJavadocTest {
    private static final Path API = Path.of("src/main/java/io/github/dvcmaven/core/api");

    @Test
    void everyPublicMemberOfTheApiIsDocumented() throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> undocumented = new ArrayList<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null);
                Stream<Path> sources = Files.list(API)) {
            Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(
                    sources.filter(p -> p.toString().endsWith(".java")).toList());
            JavacTask task = (JavacTask) javac.getTask(null, files, null, List.of("-proc:none"), null, units);
            DocTrees docs = DocTrees.instance(task);
            for (CompilationUnitTree unit : task.parse()) {
                new Finder(docs, unit, undocumented).scan(unit, null);
            }
        }
        assertThat(undocumented).as("public api members without Javadoc").isEmpty();
    }

    @Test
    void theCheckFindsAnUndocumentedMember() throws IOException {
        Path dir = Files.createTempDirectory("api-javadoc");
        Path source = dir.resolve("Sample.java");
        Files.writeString(source, """
                package sample;
                /** Documented. */
                public record Sample(int a) {
                    public Sample {}
                    /** Documented. */
                    public int twice() { return 2 * a; }
                    public int thrice() { return 3 * a; }
                    public enum Kind { /** Documented. */ ONE, TWO }
                }
                """);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> undocumented = new ArrayList<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
            JavacTask task = (JavacTask) javac.getTask(
                    null, files, null, List.of("-proc:none"), null, files.getJavaFileObjectsFromPaths(List.of(source)));
            DocTrees docs = DocTrees.instance(task);
            for (CompilationUnitTree unit : task.parse()) {
                new Finder(docs, unit, undocumented).scan(unit, null);
            }
        }
        assertThat(undocumented).containsExactly("Sample.thrice", "Sample.Kind", "Sample.Kind.TWO");
    }

    private static final class Finder extends TreePathScanner<Void, Void> {
        private final DocTrees docs;
        private final CompilationUnitTree unit;
        private final List<String> undocumented;
        private final List<String> names = new ArrayList<>();
        private final List<Boolean> interfaces = new ArrayList<>();

        Finder(DocTrees docs, CompilationUnitTree unit, List<String> undocumented) {
            this.docs = docs;
            this.unit = unit;
            this.undocumented = undocumented;
        }

        @Override
        public Void visitClass(ClassTree tree, Void unused) {
            boolean visible = visible(tree.getModifiers());
            if (!visible) {
                return null;
            }
            // scanning a nested class resets the scanner's current path: keep this class's own
            TreePath here = getCurrentPath();
            names.add(tree.getSimpleName().toString());
            require(here, String.join(".", names));
            interfaces.add(tree.getKind() == Tree.Kind.INTERFACE || tree.getKind() == Tree.Kind.ANNOTATION_TYPE);
            boolean isEnum = tree.getKind() == Tree.Kind.ENUM;
            for (Tree member : tree.getMembers()) {
                TreePath path = new TreePath(here, member);
                if (member instanceof ClassTree) {
                    scan(path, null);
                } else if (member instanceof MethodTree m
                        && visible(m.getModifiers())
                        && !compact(m)
                        && !overrides(m)) {
                    String name = m.getName().contentEquals("<init>")
                            ? "<init>"
                            : m.getName().toString();
                    require(path, String.join(".", names) + "." + name);
                } else if (member instanceof VariableTree v
                        && ((isEnum && enumConstant(v)) || (!enumConstant(v) && visible(v.getModifiers())))) {
                    require(path, String.join(".", names) + "." + v.getName());
                }
            }
            interfaces.remove(interfaces.size() - 1);
            names.remove(names.size() - 1);
            return null;
        }

        private boolean visible(ModifiersTree mods) {
            boolean inInterface = !interfaces.isEmpty() && interfaces.get(interfaces.size() - 1);
            return mods.getFlags().contains(Modifier.PUBLIC)
                    || (inInterface && !mods.getFlags().contains(Modifier.PRIVATE));
        }

        /** An enum constant's source starts with its name; a field's with its modifiers or type. */
        private boolean enumConstant(VariableTree v) {
            String text = source(docs.getSourcePositions().getStartPosition(unit, v), -1);
            String name = v.getName().toString();
            return text.startsWith(name)
                    && (text.length() == name.length() || !Character.isJavaIdentifierPart(text.charAt(name.length())));
        }

        private String source(long start, long end) {
            try {
                CharSequence all = unit.getSourceFile().getCharContent(true);
                return all.subSequence((int) start, end < 0 ? all.length() : (int) end)
                        .toString();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /** An {@code @Override} inherits its documentation. */
        private static boolean overrides(MethodTree m) {
            return m.getModifiers().getAnnotations().stream()
                    .anyMatch(a -> a.getAnnotationType().toString().equals("Override"));
        }

        /** A compact canonical constructor has no parameter list in the source. */
        private boolean compact(MethodTree m) {
            if (!m.getName().contentEquals("<init>") || m.getBody() == null) {
                return false;
            }
            long start = docs.getSourcePositions().getStartPosition(unit, m);
            long body = docs.getSourcePositions().getStartPosition(unit, m.getBody());
            return !source(start, body).contains("(");
        }

        private void require(TreePath path, String name) {
            if (docs.getDocCommentTree(path) == null) {
                undocumented.add(name);
            }
        }
    }
}
