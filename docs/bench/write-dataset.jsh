// jshell --class-path target/konvo-qa.jar -R-Xmx2g docs/bench/write-dataset.jsh
// Writes the 100,000-session benchmark dataset (seed 42, "now" fixed) to target/bench-100k.json.gz
import io.konvoqa.demo.DemoWorkspace;
import io.konvoqa.simulator.DatasetFile;
DatasetFile.write(DemoWorkspace.generate(java.time.Instant.parse("2026-11-27T12:00:00Z"), 42L, 100_000),
    java.nio.file.Path.of("target/bench-100k.json.gz"));
System.out.println("wrote target/bench-100k.json.gz");
/exit
