package io.netlink4j.examples.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.netlink4j.bridge.DesiredPort;
import io.netlink4j.examples.state.StateFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * examples/deploy/kubernetes: the DaemonSet runs on the host network with NET_ADMIN as its only
 * capability and is not privileged, probes /healthz on the port the agent listens on, asks for
 * resources, and mounts the ConfigMap whose state file is valid where the agent reads it.
 */
class KubernetesManifestsTest {
    static final Path DIR = Path.of("deploy/kubernetes");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static JsonNode read(String name) throws IOException {
        return YAML.readTree(Files.readString(DIR.resolve(name)));
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void theDaemonSetHasHostNetworkOnlyNetAdminProbesAndRequests() throws IOException {
        JsonNode ds = read("daemonset.yaml");
        assertThat(ds.path("kind").asText()).isEqualTo("DaemonSet");
        JsonNode pod = ds.path("spec").path("template").path("spec");
        assertThat(pod.path("hostNetwork").asBoolean(false)).isTrue();
        assertThat(pod.path("hostPID").asBoolean(false)).isFalse();
        assertThat(pod.path("containers")).hasSize(1);
        JsonNode c = pod.path("containers").get(0);

        JsonNode sc = c.path("securityContext");
        assertThat(sc.has("privileged")).isTrue();
        assertThat(sc.path("privileged").asBoolean(true)).isFalse();
        assertThat(sc.path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
        assertThat(strings(sc.path("capabilities").path("add"))).containsExactly("NET_ADMIN");
        assertThat(strings(sc.path("capabilities").path("drop"))).containsExactly("ALL");
        assertThat(pod.path("securityContext").path("privileged").isMissingNode()).isTrue();

        List<String> args = strings(c.path("args"));
        String listen = args.get(args.indexOf("--listen") + 1);
        int port = Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1));
        for (String probe : List.of("livenessProbe", "readinessProbe")) {
            JsonNode get = c.path(probe).path("httpGet");
            assertThat(get.path("path").asText()).as(probe).isEqualTo("/healthz");
            assertThat(get.path("port").asInt()).as(probe).isEqualTo(port);
        }

        JsonNode requests = c.path("resources").path("requests");
        assertThat(requests.path("cpu").asText()).isNotEmpty();
        assertThat(requests.path("memory").asText()).isNotEmpty();
        assertThat(c.path("resources").path("limits").path("memory").asText()).isNotEmpty();

        // the state file the agent is told to read comes from the ConfigMap
        String file = args.get(args.indexOf("-f") + 1);
        JsonNode mount = null;
        for (JsonNode m : c.path("volumeMounts")) {
            if (file.startsWith(m.path("mountPath").asText() + "/")) {
                mount = m;
            }
        }
        assertThat(mount).as("a volume mounted where %s is", file).isNotNull();
        String volume = mount.path("name").asText();
        JsonNode cm = null;
        for (JsonNode v : pod.path("volumes")) {
            if (volume.equals(v.path("name").asText())) {
                cm = v.path("configMap");
            }
        }
        assertThat(cm).isNotNull();
        JsonNode configMap = read("configmap.yaml");
        assertThat(cm.path("name").asText()).isEqualTo(configMap.path("metadata").path("name").asText());
        String key = file.substring(file.lastIndexOf('/') + 1);
        String state = configMap.path("data").path(key).asText();
        DesiredPort eth1 = StateFile.parse("configmap.yaml#" + key, state).state().bridges().get("br0").ports().get("eth1");
        assertThat(eth1.settings().proxyArp()).isTrue();
        assertThat(eth1.settings().hairpin()).isTrue();
    }

    @Test
    void theImageRunsTheAgentOnTheStateTheDaemonSetMounts() throws IOException {
        String docker = Files.readString(DIR.resolve("Dockerfile"));
        assertThat(docker).contains("COPY examples/target/nlbridge.jar").contains("\"-jar\", \"/opt/nlbridge/nlbridge.jar\"");
        assertThat(docker).contains("CMD [\"agent\", \"-f\", \"/etc/nlbridge/state.yaml\"]");
    }
}
