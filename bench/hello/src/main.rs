//! Bare Yew hello-world: the size/startup floor that scripts/bench compares credo-quiz against.
use yew::prelude::*;

#[function_component(App)]
fn app() -> Html {
    html! { <h1 id="hello">{"Hello"}</h1> }
}

fn main() {
    yew::Renderer::<App>::new().render();
}
