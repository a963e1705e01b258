import {Component, type ReactNode} from 'react';

/** Ink would print a React stack over the screen; hand the error to the caller instead. */
export class ErrorBoundary extends Component<{onError(error: Error): void; children: ReactNode}, {failed: boolean}> {
	override state = {failed: false};

	static getDerivedStateFromError() {
		return {failed: true};
	}

	override componentDidCatch(error: Error) {
		this.props.onError(error);
	}

	override render() {
		return this.state.failed ? null : this.props.children;
	}
}
