package uk.safeguarding.workflow.identity;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose (size-limited) body a filter has read, readable again downstream. Used
 * by every filter that reads a body: the identity guards and the step-answers gate.
 */
public final class CachedBodyRequest extends HttpServletRequestWrapper {

	private final byte[] body;

	private final boolean exceeded;

	public CachedBodyRequest(HttpServletRequest request) throws IOException {
		this(request, RequestSizeLimitFilter.MAX_BODY_BYTES);
	}

	CachedBodyRequest(HttpServletRequest request, long limit) throws IOException {
		super(request);
		this.body = request.getInputStream().readNBytes((int) limit + 1);
		this.exceeded = this.body.length > limit;
	}

	/** The request with another body (a filter's corrected copy). */
	CachedBodyRequest(HttpServletRequest request, byte[] body) {
		super(request);
		this.body = body;
		this.exceeded = false;
	}

	@Override
	public int getContentLength() {
		return this.body.length;
	}

	@Override
	public long getContentLengthLong() {
		return this.body.length;
	}

	boolean exceeded() {
		return this.exceeded;
	}

	public String text() {
		return new String(this.body, StandardCharsets.UTF_8);
	}

	@Override
	public ServletInputStream getInputStream() {
		ByteArrayInputStream in = new ByteArrayInputStream(this.body);
		return new ServletInputStream() {

			@Override
			public int read() {
				return in.read();
			}

			@Override
			public int read(byte[] b, int off, int len) {
				return in.read(b, off, len);
			}

			@Override
			public boolean isFinished() {
				return in.available() == 0;
			}

			@Override
			public boolean isReady() {
				return true;
			}

			@Override
			public void setReadListener(ReadListener listener) {
				throw new UnsupportedOperationException();
			}

		};
	}

	@Override
	public BufferedReader getReader() {
		return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
	}

}
