package org.p1powermeter.camel.spool;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.SocketFactory;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.p1powermeter.spool.SpoolLimits;
import org.p1powermeter.spool.WhenFull;
import org.p1powermeter.spool.publish.BrokerTarget;
import org.p1powermeter.spool.publish.BufferedSocketFactory;

/**
 * The options of a {@code p1spool:} endpoint (set on the component, they are the defaults of its endpoints): the
 * broker and how to connect to it, the MQTT message defaults, the will, and the spool on disk. Each connection
 * option is set here once; {@link #connectOptions()} turns them into Paho's own {@link MqttConnectOptions}.
 */
@UriParams
public class P1SpoolConfiguration implements Cloneable {

    /** Default of {@link #maxSize}: 64 MiB. */
    public static final long DEFAULT_MAX_SIZE = 64L << 20;
    /**
     * Default of {@link #maxAgeHours}: less than what {@link #DEFAULT_MAX_SIZE} holds at 1 telegram/s of 26 events
     * (about 51 h, SpoolCompactionTest), so the two limits agree.
     */
    public static final int DEFAULT_MAX_AGE_HOURS = 48;
    /** Default of {@link #deliveryTimeout}, ms. */
    public static final long DEFAULT_DELIVERY_TIMEOUT = 10_000;

    @UriParam(label = "common", defaultValue = "tcp://localhost:1883", description = "The MQTT broker: tcp://host:port,"
            + " ssl://host:port (TLS: give socketFactory), ws:// or wss://")
    private String brokerUrl = "tcp://localhost:1883";
    @UriParam(label = "common", description = "MQTT client id; empty: p1-power-meter- and a random part")
    private String clientId = "";
    @UriParam(label = "common", defaultValue = "1", enums = "0,1,2", description = "QoS of the messages (header"
            + " CamelPahoQos overrides); what waited in the spool for the broker goes at least at QoS 1")
    private int qos = 1;
    @UriParam(label = "common", defaultValue = "false", description = "Retained flag of the messages (header"
            + " CamelPahoRetained overrides)")
    private boolean retained;
    @UriParam(label = "security", secret = true, description = "User name for the broker")
    private String userName;
    @UriParam(label = "security", secret = true, description = "Password for the broker")
    private String password;
    @UriParam(label = "security", description = "Socket factory for the connection (TLS: an SSLSocketFactory); default:"
            + " buffered plain sockets for tcp://, the JVM's TLS for ssl://")
    private SocketFactory socketFactory;
    @UriParam(label = "security", defaultValue = "true", description = "Check the broker's host name against its TLS"
            + " certificate")
    private boolean httpsHostnameVerificationEnabled = true;
    @UriParam(label = "advanced", defaultValue = "10", description = "Seconds to wait for the broker to accept a connection")
    private int connectionTimeout = 10;
    @UriParam(label = "advanced", defaultValue = "60", description = "Keep-alive interval in seconds")
    private int keepAliveInterval = 60;
    @UriParam(label = "advanced", defaultValue = "1000", description = "Publishes in flight (not yet acknowledged) at"
            + " most; also Paho's maxInflight")
    private int maxInflight = 1000;
    @UriParam(label = "advanced", defaultValue = "1", description = "MQTT connections to publish over (topics are spread"
            + " over them by hash, so the order per topic holds)")
    private int connections = 1;
    @UriParam(label = "will", description = "Topic of the will (last will and testament): what the broker publishes"
            + " when the connection is lost without a disconnect; empty: no will")
    private String willTopic;
    @UriParam(label = "will", defaultValue = "offline", description = "Payload of the will")
    private String willPayload = "offline";
    @UriParam(label = "will", defaultValue = "1", enums = "0,1,2", description = "QoS of the will")
    private int willQos = 1;
    @UriParam(label = "will", defaultValue = "true", description = "Retained flag of the will")
    private boolean willRetained = true;
    @UriParam(label = "spool", defaultValue = "spool", description = "Directory of the spool (the outbox on disk); one"
            + " endpoint per directory")
    private String spoolDir = "spool";
    @UriParam(label = "spool", defaultValue = "67108864", description = "Most bytes the spool may hold")
    private long maxSize = DEFAULT_MAX_SIZE;
    @UriParam(label = "spool", defaultValue = "48", description = "Hours an undelivered message is kept")
    private int maxAgeHours = DEFAULT_MAX_AGE_HOURS;
    @UriParam(label = "spool", defaultValue = "DROP_OLDEST", enums = "WAIT,DROP_OLDEST", description = "When the spool"
            + " is full: WAIT (the sender waits for room: a file or a pipe) or DROP_OLDEST (whole telegrams, counted:"
            + " a live meter)")
    private WhenFull whenFull = WhenFull.DROP_OLDEST;
    @UriParam(label = "spool", defaultValue = "4194304", description = "Bytes held in memory while the disk refuses"
            + " writes (full or failing); past it new telegrams are dropped and counted")
    private long maxHeldSize = SpoolLimits.HELD_BYTES;
    @UriParam(label = "spool", defaultValue = "10000", description = "Milliseconds the endpoint waits at stop for the"
            + " broker to take what is spooled; the rest stays for the next start")
    private long deliveryTimeout = DEFAULT_DELIVERY_TIMEOUT;

    public P1SpoolConfiguration copy() {
        try {
            return (P1SpoolConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    /** Paho's connect options from these settings: the one place they are set. */
    public MqttConnectOptions connectOptions() {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setServerURIs(new String[] {brokerUrl});
        o.setCleanSession(true);
        o.setAutomaticReconnect(false); // the publisher reconnects itself and resends from the spool
        o.setMaxInflight(maxInflight);
        o.setConnectionTimeout(connectionTimeout);
        o.setKeepAliveInterval(keepAliveInterval);
        if (userName != null && !userName.isEmpty()) {
            o.setUserName(userName);
        }
        if (password != null && !password.isEmpty()) {
            o.setPassword(password.toCharArray());
        }
        if (socketFactory != null) {
            o.setSocketFactory(socketFactory);
        } else if (brokerUrl.startsWith("tcp://")) {
            o.setSocketFactory(new BufferedSocketFactory());
        }
        o.setHttpsHostnameVerificationEnabled(httpsHostnameVerificationEnabled);
        if (willTopic != null && !willTopic.isEmpty()) {
            o.setWill(willTopic, willPayload.getBytes(StandardCharsets.UTF_8), willQos, willRetained);
        }
        return o;
    }

    /** Where and how the publisher connects. */
    public BrokerTarget brokerTarget() {
        String id = clientId == null || clientId.isEmpty() ? "p1-power-meter-" + Long.toHexString(System.nanoTime()) : clientId;
        return new BrokerTarget(brokerUrl, id, connectOptions(), maxInflight, connections);
    }

    public SpoolLimits spoolLimits() {
        return SpoolLimits.of(maxSize, Duration.ofHours(maxAgeHours), maxHeldSize);
    }

    public Path spoolPath() {
        return Path.of(spoolDir);
    }

    public String getBrokerUrl() {
        return brokerUrl;
    }

    public void setBrokerUrl(String brokerUrl) {
        this.brokerUrl = brokerUrl;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public int getQos() {
        return qos;
    }

    public void setQos(int qos) {
        this.qos = qos;
    }

    public boolean isRetained() {
        return retained;
    }

    public void setRetained(boolean retained) {
        this.retained = retained;
    }

    public String getUserName() {
        return userName;
    }

    public void setUserName(String userName) {
        this.userName = userName;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public SocketFactory getSocketFactory() {
        return socketFactory;
    }

    public void setSocketFactory(SocketFactory socketFactory) {
        this.socketFactory = socketFactory;
    }

    public boolean isHttpsHostnameVerificationEnabled() {
        return httpsHostnameVerificationEnabled;
    }

    public void setHttpsHostnameVerificationEnabled(boolean httpsHostnameVerificationEnabled) {
        this.httpsHostnameVerificationEnabled = httpsHostnameVerificationEnabled;
    }

    public int getConnectionTimeout() {
        return connectionTimeout;
    }

    public void setConnectionTimeout(int connectionTimeout) {
        this.connectionTimeout = connectionTimeout;
    }

    public int getKeepAliveInterval() {
        return keepAliveInterval;
    }

    public void setKeepAliveInterval(int keepAliveInterval) {
        this.keepAliveInterval = keepAliveInterval;
    }

    public int getMaxInflight() {
        return maxInflight;
    }

    public void setMaxInflight(int maxInflight) {
        this.maxInflight = maxInflight;
    }

    public int getConnections() {
        return connections;
    }

    public void setConnections(int connections) {
        this.connections = connections;
    }

    public String getWillTopic() {
        return willTopic;
    }

    public void setWillTopic(String willTopic) {
        this.willTopic = willTopic;
    }

    public String getWillPayload() {
        return willPayload;
    }

    public void setWillPayload(String willPayload) {
        this.willPayload = willPayload;
    }

    public int getWillQos() {
        return willQos;
    }

    public void setWillQos(int willQos) {
        this.willQos = willQos;
    }

    public boolean isWillRetained() {
        return willRetained;
    }

    public void setWillRetained(boolean willRetained) {
        this.willRetained = willRetained;
    }

    public String getSpoolDir() {
        return spoolDir;
    }

    public void setSpoolDir(String spoolDir) {
        this.spoolDir = spoolDir;
    }

    public long getMaxSize() {
        return maxSize;
    }

    public void setMaxSize(long maxSize) {
        this.maxSize = maxSize;
    }

    public int getMaxAgeHours() {
        return maxAgeHours;
    }

    public void setMaxAgeHours(int maxAgeHours) {
        this.maxAgeHours = maxAgeHours;
    }

    public WhenFull getWhenFull() {
        return whenFull;
    }

    public void setWhenFull(WhenFull whenFull) {
        this.whenFull = whenFull;
    }

    public long getMaxHeldSize() {
        return maxHeldSize;
    }

    public void setMaxHeldSize(long maxHeldSize) {
        this.maxHeldSize = maxHeldSize;
    }

    public long getDeliveryTimeout() {
        return deliveryTimeout;
    }

    public void setDeliveryTimeout(long deliveryTimeout) {
        this.deliveryTimeout = deliveryTimeout;
    }
}
